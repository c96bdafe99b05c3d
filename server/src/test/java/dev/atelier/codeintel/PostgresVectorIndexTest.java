package dev.atelier.codeintel;

import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.Database;
import dev.atelier.testing.ServiceTestEnvironment;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The vector index on this machine's PostgreSQL: pgvector with an HNSW (cosine) index. */
class PostgresVectorIndexTest extends VectorIndexContract {

  @RegisterExtension static final ServiceTestEnvironment services = new ServiceTestEnvironment();

  @TempDir Path workspace;

  @Override
  Database openDatabase() {
    return Database.open(
        AtelierSettings.local(workspace).withService(services.databaseUrl(), services.redisUrl()));
  }

  @Override
  VectorIndex index(int exactThreshold) {
    return Embeddings.vectorIndex(database, exactThreshold);
  }
}
