package dev.atelier.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

  @TempDir Path data;

  @Test
  void theLatestMigrationConstantIsTheNewestScriptOfBothVendors() throws IOException {
    Pattern script = Pattern.compile("V(\\d+)__.*\\.sql");
    for (String vendor : new String[] {"sqlite", "postgresql"}) {
      int newest;
      try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration", vendor))) {
        newest =
            files
                .map(file -> script.matcher(file.getFileName().toString()))
                .filter(Matcher::matches)
                .mapToInt(match -> Integer.parseInt(match.group(1)))
                .max()
                .orElseThrow();
      }
      assertThat(Database.LATEST_MIGRATION).as(vendor + "'s newest script").isEqualTo(newest);
    }
  }

  @Test
  void aDatabaseAtTheLatestMigrationOpensWithoutAskingFlyway() throws SQLException {
    Database.open(AtelierSettings.local(data)).close();
    // Flyway's validation would refuse a changed checksum: only a skipped Flyway opens this.
    history("update flyway_schema_history set checksum = checksum + 1 where version = '1'");

    Database.open(AtelierSettings.local(data)).close();
  }

  @Test
  void aDatabaseBehindTheLatestMigrationGoesThroughFlyway() throws SQLException {
    Database.open(AtelierSettings.local(data)).close();
    history(
        "update flyway_schema_history set success = 0 where installed_rank ="
            + " (select max(installed_rank) from flyway_schema_history)");

    assertThatThrownBy(() -> Database.open(AtelierSettings.local(data)))
        .isInstanceOf(AtelierException.class)
        .hasMessageContaining("cannot migrate");
  }

  private void history(String update) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(
                "jdbc:sqlite:" + AtelierSettings.local(data).dataDir().resolve("atelier.db"));
        Statement statement = connection.createStatement()) {
      assertThat(statement.executeUpdate(update)).isOne();
    }
  }
}
