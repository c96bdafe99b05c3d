package dev.atelier.repos;

import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.Database;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract on a real SQLite file (WAL), migrated as {@code serve} migrates it. */
class SqliteReposStorageTest extends ReposStorageContract {

  @TempDir Path workspace;

  @Override
  Database openDatabase() {
    return Database.open(AtelierSettings.local(workspace));
  }

  @Override
  List<String> databaseArguments() {
    return List.of("sqlite", workspace.toString());
  }
}
