package dev.atelier.mcp;

import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.Database;
import java.nio.file.Path;

/** The analysis tools on SQLite. */
class SqliteAnalysisToolsTest extends AnalysisToolsContract {

  @Override
  Database openDatabase(Path data) {
    return Database.open(AtelierSettings.local(data));
  }
}
