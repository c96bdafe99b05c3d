package dev.atelier.codeintel.internal.embedding;

import static java.util.Objects.requireNonNull;

import dev.atelier.platform.Database;
import dev.atelier.platform.DatabaseVendor;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** This package's handle on the database: JDBC client, batch template and transactions. */
final class EmbeddingSql {

  private final DatabaseVendor vendor;
  private final JdbcTemplate jdbcTemplate;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  EmbeddingSql(Database database) {
    requireNonNull(database, "database is null");
    this.vendor = database.vendor();
    this.jdbcTemplate = new JdbcTemplate(database.dataSource());
    this.jdbc = JdbcClient.create(jdbcTemplate);
    this.transactions =
        new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
  }

  DatabaseVendor vendor() {
    return vendor;
  }

  JdbcClient jdbc() {
    return jdbc;
  }

  JdbcTemplate jdbcTemplate() {
    return jdbcTemplate;
  }

  <T> T inTransaction(Supplier<T> work) {
    T result = transactions.execute(status -> work.get());
    return requireNonNull(result, "a transaction's work returned null");
  }

  void inTransaction(Runnable work) {
    transactions.executeWithoutResult(status -> work.run());
  }

  static void checkVector(float[] vector, int dimensions) {
    if (vector.length != dimensions) {
      throw new IllegalArgumentException(
          "expected a vector of " + dimensions + " values, got " + vector.length);
    }
    for (float v : vector) {
      if (!Float.isFinite(v)) {
        throw new IllegalArgumentException("vector holds a non-finite value");
      }
    }
  }
}
