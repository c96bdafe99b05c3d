package dev.atelier.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real PostgreSQL (with pgvector) and Redis of this machine, for service-mode tests. Each test
 * class gets a database of its own, dropped afterwards. When a server cannot be reached the tests
 * fail, saying how to start it: they are never skipped.
 */
public final class ServiceTestEnvironment implements BeforeAllCallback, AfterAllCallback {

  private static final String POSTGRES_HOST =
      System.getenv().getOrDefault("ATELIER_TEST_PG_HOST", "127.0.0.1:5432");
  private static final String POSTGRES_USER =
      System.getenv().getOrDefault("ATELIER_TEST_PG_USER", "postgres");
  private static final String REDIS_URL =
      System.getenv().getOrDefault("ATELIER_TEST_REDIS_URL", "redis://127.0.0.1:6379");
  private static final String HOW_TO_START =
      "; start PostgreSQL 15 with pgvector and Redis with scripts/services (the README's test"
          + " command, scripts/test, does it for you)";

  private String database = "";

  @Override
  public void beforeAll(ExtensionContext context) throws SQLException {
    String name = context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT);
    database = "atelier_" + name + "_" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection admin = admin();
        Statement statement = admin.createStatement()) {
      var rows =
          statement.executeQuery("select 1 from pg_available_extensions where name = 'vector'");
      if (!rows.next()) {
        throw new IllegalStateException(
            "PostgreSQL at " + POSTGRES_HOST + " has no pgvector extension" + HOW_TO_START);
      }
      statement.execute("create database " + database);
    }
    requireRedis();
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    try (Connection admin = admin();
        Statement statement = admin.createStatement()) {
      statement.execute("drop database if exists " + database + " with (force)");
    }
  }

  /** The URL of this test class's own database, as ATELIER_DB_URL takes it. */
  public String databaseUrl() {
    return "postgresql://" + POSTGRES_USER + "@" + POSTGRES_HOST + "/" + database;
  }

  public String redisUrl() {
    return REDIS_URL;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://" + POSTGRES_HOST + "/" + database, POSTGRES_USER, "");
  }

  private static Connection admin() {
    try {
      return DriverManager.getConnection(
          "jdbc:postgresql://" + POSTGRES_HOST + "/postgres", POSTGRES_USER, "");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot reach PostgreSQL at "
              + POSTGRES_HOST
              + " ("
              + e.getMessage()
              + ")"
              + HOW_TO_START,
          e);
    }
  }

  private static void requireRedis() {
    RedisClient client = RedisClient.create(REDIS_URL);
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      connection.sync().ping();
      // Each test class starts with fresh sign-in counters: every class registers and signs in
      // from 127.0.0.1, and the per-address limit would otherwise carry over between classes.
      List<String> counters = connection.sync().keys("atelier:rate:*");
      if (!counters.isEmpty()) {
        connection.sync().del(counters.toArray(String[]::new));
      }
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot reach Redis at " + REDIS_URL + " (" + e.getMessage() + ")" + HOW_TO_START, e);
    } finally {
      client.shutdown();
    }
  }
}
