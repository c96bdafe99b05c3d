package dev.atelier.memory;

import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Learnings on a real SQLite file. */
class SqliteLearningsTest extends LearningsContract {

  @TempDir Path data;

  @Override
  Database openDatabase() {
    return Database.open(AtelierSettings.local(data));
  }
}
