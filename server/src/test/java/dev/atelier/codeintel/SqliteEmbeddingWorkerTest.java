package dev.atelier.codeintel;

import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The embedding worker on a real SQLite file. */
class SqliteEmbeddingWorkerTest extends EmbeddingWorkerContract {

  @TempDir Path workspace;

  @Override
  Database openDatabase() {
    return Database.open(AtelierSettings.local(workspace));
  }
}
