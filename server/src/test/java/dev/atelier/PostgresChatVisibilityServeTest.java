package dev.atelier;

import dev.atelier.platform.AtelierSettings;
import dev.atelier.testing.ServiceTestEnvironment;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresChatVisibilityServeTest extends ChatVisibilityContract {

  @RegisterExtension static final ServiceTestEnvironment services = new ServiceTestEnvironment();

  @Override
  AtelierSettings settings(Path workspace) {
    return AtelierSettings.local(workspace)
        .withPort(0)
        .withService(services.databaseUrl(), services.redisUrl());
  }

  @Override
  Connection connect(Path workspace) throws SQLException {
    return services.connect();
  }
}
