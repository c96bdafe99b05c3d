package dev.atelier.platform;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.atelier.platform.internal.storage.PostgresUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The open, migrated database of one Atelier: a SQLite file in WAL mode under the data folder in
 * local mode, PostgreSQL with pgvector in service mode. Opening migrates the schema with Flyway,
 * whose lock makes concurrent starts of several nodes safe.
 */
public final class Database implements AutoCloseable {

  private static final String SQLITE_FILE = "atelier.db";

  private final DatabaseVendor vendor;
  private final HikariDataSource dataSource;
  private final String description;

  private Database(DatabaseVendor vendor, HikariDataSource dataSource, String description) {
    this.vendor = vendor;
    this.dataSource = dataSource;
    this.description = description;
  }

  /** Opens (creating if needed) and migrates the database the settings name. */
  public static Database open(AtelierSettings settings) {
    requireNonNull(settings, "settings is null");
    Database database =
        switch (settings.mode()) {
          case LOCAL -> openSqlite(settings.dataDir());
          case SERVICE -> openPostgres(requireNonNull(settings.databaseUrl(), "databaseUrl"));
        };
    try {
      database.migrate();
      return database;
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  private static Database openSqlite(Path dataDir) {
    Path file = dataDir.resolve(SQLITE_FILE);
    try {
      // Owner-only from the first byte: SQLite gives its -wal and -shm files the database's mode.
      PrivateFiles.createDataFolder(dataDir);
      PrivateFiles.tightenDataFolder(dataDir);
      PrivateFiles.createFile(file);
    } catch (IOException e) {
      throw new AtelierException(
          PlatformError.MISCONFIGURED,
          "cannot create the data folder " + dataDir + ": " + e.getMessage(),
          e);
    }
    if (!Files.isWritable(dataDir)) {
      throw new AtelierException(
          PlatformError.MISCONFIGURED, "the data folder " + dataDir + " is not writable");
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("atelier-sqlite");
    // WAL lets readers run beside the one writer; busy_timeout makes writers queue, not fail.
    // A 64 MiB page cache keeps the name indexes' pages in memory while an index run writes.
    config.setJdbcUrl(
        "jdbc:sqlite:"
            + file
            + "?journal_mode=WAL&synchronous=NORMAL&foreign_keys=true&busy_timeout=10000&cache_size=-65536");
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(1);
    return new Database(DatabaseVendor.SQLITE, new HikariDataSource(config), file.toString());
  }

  private static Database openPostgres(String url) {
    PostgresUrl postgres = PostgresUrl.parse(url);
    HikariConfig config = new HikariConfig();
    config.setPoolName("atelier-postgresql");
    config.setJdbcUrl(postgres.jdbcUrl());
    postgres.user().ifPresent(config::setUsername);
    postgres.password().ifPresent(config::setPassword);
    config.setMaximumPoolSize(10);
    config.setConnectionTimeout(5_000);
    // Fail at start-up, with the reason, rather than on the first request.
    config.setInitializationFailTimeout(5_000);
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new AtelierException(
          PlatformError.DATABASE_UNAVAILABLE,
          "cannot reach PostgreSQL at "
              + postgres.display()
              + " ("
              + rootMessage(e)
              + "); start it (scripts/services) or fix ATELIER_DB_URL",
          e);
    }
    Database database = new Database(DatabaseVendor.POSTGRESQL, dataSource, postgres.display());
    try {
      database.requirePgvector();
      return database;
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  private void requirePgvector() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("select 1 from pg_available_extensions where name = 'vector'")) {
      if (!rows.next()) {
        throw new AtelierException(
            PlatformError.EXTENSION_MISSING,
            "PostgreSQL at "
                + description
                + " lacks the pgvector extension ('vector'); install it with scripts/services");
      }
    } catch (SQLException e) {
      throw new AtelierException(
          PlatformError.DATABASE_UNAVAILABLE,
          "cannot query PostgreSQL at " + description + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * The newest migration script's version (V{n}__...), in both vendors' folders. When the database
   * already stands there, Flyway — two thirds of opening the database in a fresh process — is not
   * started at all. {@code DatabaseTest} fails when a newer script is added without raising it.
   */
  static final int LATEST_MIGRATION = 16;

  private void migrate() {
    if (isAtLatestMigration()) {
      return;
    }
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration/" + vendor.label())
          .failOnMissingLocations(true)
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new AtelierException(
          PlatformError.DATABASE_UNAVAILABLE,
          "cannot migrate the "
              + vendor.label()
              + " database at "
              + description
              + ": "
              + rootMessage(e),
          e);
    }
  }

  // The last applied migration succeeded and is the newest this build knows.
  private boolean isAtLatestMigration() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select version, success from flyway_schema_history"
                    + " order by installed_rank desc limit 1")) {
      return rows.next()
          && rows.getBoolean("success")
          && Integer.toString(LATEST_MIGRATION).equals(rows.getString("version"));
    } catch (SQLException e) {
      return false; // a new database: no history yet
    }
  }

  public DatabaseVendor vendor() {
    return vendor;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Where the database is, for people: a file path or {@code host:port/name}. */
  public String description() {
    return description;
  }

  @Override
  public void close() {
    dataSource.close();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage());
  }
}
