package dev.atelier.mcp;

import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.Database;
import dev.atelier.testing.ServiceTestEnvironment;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The analysis tools on this machine's PostgreSQL, in a database of this class's own. */
class PostgresAnalysisToolsTest extends AnalysisToolsContract {

  @RegisterExtension static final ServiceTestEnvironment services = new ServiceTestEnvironment();

  @Override
  Database openDatabase(Path data) {
    return Database.open(
        AtelierSettings.local(data).withService(services.databaseUrl(), services.redisUrl()));
  }
}
