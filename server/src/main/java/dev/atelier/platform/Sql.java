package dev.atelier.platform;

import static java.util.Objects.requireNonNull;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A module's handle on the database: one {@link JdbcClient}, a {@link JdbcTemplate} for batches, a
 * transaction template, and the few places where SQLite and PostgreSQL differ (timestamps: ISO text
 * vs {@code timestamptz}). Built by hand so the CLI needs no Spring context; all three share the
 * data source, so statements inside {@link #inTransaction} join it.
 */
public final class Sql {

  private final DatabaseVendor vendor;
  private final JdbcTemplate jdbcTemplate;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  public Sql(DataSource dataSource, DatabaseVendor vendor) {
    requireNonNull(dataSource, "dataSource is null");
    this.vendor = requireNonNull(vendor, "vendor is null");
    this.jdbcTemplate = new JdbcTemplate(dataSource);
    this.jdbc = JdbcClient.create(jdbcTemplate);
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  public DatabaseVendor vendor() {
    return vendor;
  }

  public JdbcClient jdbc() {
    return jdbc;
  }

  public JdbcTemplate jdbcTemplate() {
    return jdbcTemplate;
  }

  /** Runs {@code work} in a transaction (joining one already open on this thread). */
  public <T> T inTransaction(Supplier<T> work) {
    requireNonNull(work, "work is null");
    T result = transactions.execute(status -> work.get());
    return requireNonNull(result, "a transaction's work returned null");
  }

  public void inTransaction(Runnable work) {
    requireNonNull(work, "work is null");
    transactions.executeWithoutResult(status -> work.run());
  }

  /** The SQL expression for "now" in the column format of this dialect. */
  public String now() {
    return switch (vendor) {
      case SQLITE -> "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
      case POSTGRESQL -> "now()";
    };
  }

  public Instant instant(ResultSet row, String column) throws SQLException {
    return requireNonNull(nullableInstant(row, column), () -> column + " is null");
  }

  public @Nullable Instant nullableInstant(ResultSet row, String column) throws SQLException {
    return switch (vendor) {
      case SQLITE -> {
        String text = row.getString(column);
        yield text == null ? null : Instant.parse(text);
      }
      case POSTGRESQL -> {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        yield time == null ? null : time.toInstant();
      }
    };
  }

  /**
   * Runs one statement over many rows of plain values (null, Integer, Long, Double, String, or
   * anything the driver takes), 1,000 rows per JDBC batch.
   */
  public void batch(String statement, Collection<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    jdbcTemplate.batchUpdate(
        statement,
        rows,
        1000,
        (PreparedStatement ps, Object[] row) -> {
          for (int i = 0; i < row.length; i++) {
            bind(ps, i + 1, row[i]);
          }
        });
  }

  /** Binds a plain value by its type (NULL untyped, which both drivers accept). */
  public static void bind(PreparedStatement ps, int index, @Nullable Object value)
      throws SQLException {
    switch (value) {
      case null -> ps.setNull(index, Types.NULL);
      case Integer i -> ps.setInt(index, i);
      case Long l -> ps.setLong(index, l);
      case Double d -> ps.setDouble(index, d);
      case String s -> ps.setString(index, s);
      default -> ps.setObject(index, value);
    }
  }

  /** A nullable id column as a boxed value, since {@code getLong} reads NULL as 0. */
  public static @Nullable Long nullableLong(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }
}
