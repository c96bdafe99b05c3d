package dev.atelier.codeintel;

import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.Database;
import dev.atelier.testing.ServiceTestEnvironment;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The embedding worker on this machine's PostgreSQL with pgvector. */
class PostgresEmbeddingWorkerTest extends EmbeddingWorkerContract {

  @RegisterExtension static final ServiceTestEnvironment services = new ServiceTestEnvironment();

  @TempDir Path workspace;

  @Override
  Database openDatabase() {
    return Database.open(
        AtelierSettings.local(workspace).withService(services.databaseUrl(), services.redisUrl()));
  }
}
