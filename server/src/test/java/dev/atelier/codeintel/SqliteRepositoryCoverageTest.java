package dev.atelier.codeintel;

import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Per-repository coverage on a real SQLite file. */
class SqliteRepositoryCoverageTest extends RepositoryCoverageContract {

  @TempDir Path data;

  @Override
  Database openDatabase() {
    return Database.open(AtelierSettings.local(data));
  }
}
