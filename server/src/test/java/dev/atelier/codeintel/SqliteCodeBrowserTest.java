package dev.atelier.codeintel;

import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Browsing on a real SQLite file. */
class SqliteCodeBrowserTest extends CodeBrowserContract {

  @TempDir Path data;

  @Override
  Database openDatabase() {
    return Database.open(AtelierSettings.local(data));
  }
}
