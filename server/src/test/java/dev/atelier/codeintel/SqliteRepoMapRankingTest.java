package dev.atelier.codeintel;

import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Repo-map ranking on a real SQLite file. */
class SqliteRepoMapRankingTest extends RepoMapRankingContract {

  @TempDir Path data;

  @Override
  Database openDatabase() {
    return Database.open(AtelierSettings.local(data));
  }
}
