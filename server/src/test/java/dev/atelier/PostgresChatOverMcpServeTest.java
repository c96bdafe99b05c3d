package dev.atelier;

import dev.atelier.platform.AtelierSettings;
import dev.atelier.testing.ServiceTestEnvironment;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresChatOverMcpServeTest extends ChatOverMcpContract {

  @RegisterExtension static final ServiceTestEnvironment services = new ServiceTestEnvironment();

  @Override
  AtelierSettings settings(Path workspace) {
    return AtelierSettings.local(workspace)
        .withPort(0)
        .withService(services.databaseUrl(), services.redisUrl());
  }
}
