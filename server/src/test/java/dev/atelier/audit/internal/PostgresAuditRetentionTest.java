package dev.atelier.audit.internal;

import dev.atelier.platform.AtelierSettings;
import dev.atelier.testing.ServiceTestEnvironment;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresAuditRetentionTest extends AuditRetentionContract {

  @RegisterExtension static final ServiceTestEnvironment services = new ServiceTestEnvironment();

  @Override
  AtelierSettings settings(Path data) {
    return AtelierSettings.local(data).withService(services.databaseUrl(), services.redisUrl());
  }
}
