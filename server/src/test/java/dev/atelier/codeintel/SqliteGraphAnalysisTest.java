package dev.atelier.codeintel;

import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The graph analyses on a real SQLite file. */
class SqliteGraphAnalysisTest extends GraphAnalysisContract {

  @TempDir Path data;

  @Override
  Database openDatabase() {
    return Database.open(AtelierSettings.local(data));
  }
}
