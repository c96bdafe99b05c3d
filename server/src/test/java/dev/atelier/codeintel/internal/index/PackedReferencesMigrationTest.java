package dev.atelier.codeintel.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.codeintel.RefKind;
import dev.atelier.codeintel.internal.index.PackedReferences.StoredReference;
import dev.atelier.testing.ServiceTestEnvironment;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** V9 packs the reference rows of an existing index into the format the indexer now writes. */
class PackedReferencesMigrationTest {

  @RegisterExtension static final ServiceTestEnvironment services = new ServiceTestEnvironment();

  @TempDir Path data;

  private static final List<StoredReference> EXPECTED =
      List.of(
          new StoredReference("connect", RefKind.CALL, null, 3, 4, 11, 0),
          new StoredReference("List", RefKind.TYPE, "java.util", 1, 7, 11, -1),
          new StoredReference("run", RefKind.CALL, " ", 5, 8, 11, 1));

  @Test
  void packsExistingSqliteReferences() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("old.db"))) {
      assertThat(migrateOldIndex(c, "sqlite", "zeroblob(1)")).isEqualTo(EXPECTED);
    }
  }

  @Test
  void packsExistingPostgresReferences() throws SQLException {
    try (Connection c = services.connect()) {
      assertThat(migrateOldIndex(c, "postgresql", "'\\x00'::bytea")).isEqualTo(EXPECTED);
    }
  }

  /** Migrates to V8, writes one blob's references the old way, migrates on; what V9 packed. */
  private static List<StoredReference> migrateOldIndex(
      Connection connection, String vendor, String content) throws SQLException {
    migrate(connection, vendor, "8");
    try (Statement s = connection.createStatement()) {
      s.execute(
          "INSERT INTO blobs (id, org_id, sha256, size_bytes, content_kind, content, utf8_valid)"
              + " VALUES (7, 1, '"
              + "a".repeat(64)
              + "', 1, 'text', "
              + content
              + ", "
              + (vendor.equals("sqlite") ? "1" : "true")
              + ")");
      // out of ordinal order, with a blank qualifier, as the old indexer could leave them
      s.execute(
          "INSERT INTO symbol_refs (org_id, blob_id, ordinal, name, kind, qualifier, line,"
              + " start_column, end_column, enclosing_ordinal) VALUES"
              + " (1, 7, 2, 'run', 'call', '', 5, 8, 11, 1),"
              + " (1, 7, 0, 'connect', 'call', NULL, 3, 4, 11, 0),"
              + " (1, 7, 1, 'List', 'type', 'java.util', 1, 7, 11, NULL)");
    }
    migrate(connection, vendor, "latest");
    try (Statement s = connection.createStatement();
        ResultSet rows = s.executeQuery("SELECT refs FROM blob_refs WHERE org_id = 1")) {
      assertThat(rows.next()).isTrue();
      return PackedReferences.unpack(rows.getString(1));
    }
  }

  private static void migrate(Connection connection, String vendor, String target) {
    Flyway.configure()
        .dataSource(new SingleConnectionDataSource(connection, true))
        .locations("classpath:db/migration/" + vendor)
        .target(target)
        .load()
        .migrate();
  }
}
