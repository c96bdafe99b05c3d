package dev.atelier.codeintel;

import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.Database;
import dev.atelier.testing.ServiceTestEnvironment;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Per-repository coverage on this machine's PostgreSQL, in a database of this class's own. */
class PostgresRepositoryCoverageTest extends RepositoryCoverageContract {

  @RegisterExtension static final ServiceTestEnvironment services = new ServiceTestEnvironment();

  @TempDir Path data;

  @Override
  Database openDatabase() {
    return Database.open(
        AtelierSettings.local(data).withService(services.databaseUrl(), services.redisUrl()));
  }
}
