package dev.atelier.codeintel;

import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The vector index on a real SQLite file: BLOB rows, exact scan and JVector graph search. */
class SqliteVectorIndexTest extends VectorIndexContract {

  @TempDir Path workspace;

  @Override
  Database openDatabase() {
    return Database.open(AtelierSettings.local(workspace));
  }

  @Override
  VectorIndex index(int exactThreshold) {
    return Embeddings.vectorIndex(database, exactThreshold);
  }
}
