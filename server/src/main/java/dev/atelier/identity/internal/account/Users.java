package dev.atelier.identity.internal.account;

import dev.atelier.identity.IdentityError;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Database;
import dev.atelier.platform.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * People who sign in. An email is kept lower-cased and unique; a deleted user keeps its row (its
 * content stays attributed to it) with the email, name and password removed.
 */
public final class Users {

  /** A user as others may see it: never the password hash. */
  public record User(
      long id,
      @Nullable String email,
      String displayName,
      boolean emailVerified,
      boolean hasPassword,
      Instant createdAt,
      @Nullable Instant deletedAt) {}

  /** The stored password hash of an active user, for signing in. */
  public record Credentials(User user, @Nullable String passwordHash) {}

  private final Sql sql;
  private final Clock clock;

  public Users(Database database, Clock clock) {
    this.sql = new Sql(database.dataSource(), database.vendor());
    this.clock = clock;
  }

  /** Lower-cases and checks an email address; a 400 problem when it is not one. */
  public static String normalizeEmail(@Nullable String email) {
    String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    if (normalized.length() > 254 || !normalized.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw new AtelierException(IdentityError.INVALID_ACCOUNT, "give a valid email address");
    }
    return normalized;
  }

  /** A display name someone chose; a 422 problem when it is blank or not printable. */
  public static String displayName(@Nullable String name) {
    return Names.require(name, "a display name");
  }

  public static String displayName(@Nullable String name, String email) {
    return Names.require(
        name == null || name.isBlank() ? email.substring(0, email.indexOf('@')) : name,
        "a display name");
  }

  public User create(
      String email, String displayName, @Nullable String passwordHash, boolean emailVerified) {
    if (findByEmail(email).isPresent()) {
      throw new AtelierException(
          IdentityError.ACCOUNT_EXISTS, "an account with this email exists; sign in instead");
    }
    long id =
        sql.jdbc()
            .sql(
                "insert into users (email, display_name, password_hash, email_verified, created_at)"
                    + " values (?, ?, ?, ?, ?) returning id")
            .params(
                Arrays.<@Nullable Object>asList(
                    email,
                    displayName,
                    passwordHash,
                    emailVerified ? 1 : 0,
                    clock.instant().toEpochMilli()))
            .query(Long.class)
            .single();
    return find(id).orElseThrow();
  }

  public Optional<User> find(long id) {
    return sql.jdbc()
        .sql("select * from users where id = ?")
        .param(id)
        .query(Users::user)
        .optional();
  }

  public Optional<User> findByEmail(String email) {
    return sql.jdbc()
        .sql("select * from users where email = ? and deleted_at is null")
        .param(email)
        .query(Users::user)
        .optional();
  }

  public Optional<Credentials> credentials(String email) {
    return sql.jdbc()
        .sql("select * from users where email = ? and deleted_at is null")
        .param(email)
        .query((rows, n) -> new Credentials(user(rows, n), rows.getString("password_hash")))
        .optional();
  }

  public Optional<String> passwordHash(long userId) {
    return Optional.ofNullable(
        sql.jdbc()
            .sql("select password_hash from users where id = ? and deleted_at is null")
            .param(userId)
            .query((rows, n) -> rows.getString(1))
            .optional()
            .orElse(null));
  }

  public void setPassword(long userId, String passwordHash) {
    sql.jdbc()
        .sql("update users set password_hash = ? where id = ?")
        .params(passwordHash, userId)
        .update();
  }

  public void markEmailVerified(long userId) {
    sql.jdbc().sql("update users set email_verified = 1 where id = ?").param(userId).update();
  }

  public void rename(long userId, String displayName) {
    sql.jdbc()
        .sql("update users set display_name = ? where id = ?")
        .params(displayName, userId)
        .update();
  }

  /** Removes what identifies the person; the row stays so their content keeps an author. */
  public void delete(long userId) {
    sql.jdbc()
        .sql(
            "update users set email = null, display_name = 'Deleted user', password_hash = null,"
                + " deleted_at = ? where id = ?")
        .params(clock.instant().toEpochMilli(), userId)
        .update();
  }

  private static User user(ResultSet rows, int number) throws SQLException {
    long deleted = rows.getLong("deleted_at");
    Instant deletedAt = rows.wasNull() ? null : Instant.ofEpochMilli(deleted);
    return new User(
        rows.getLong("id"),
        rows.getString("email"),
        rows.getString("display_name"),
        rows.getInt("email_verified") != 0,
        rows.getString("password_hash") != null,
        Instant.ofEpochMilli(rows.getLong("created_at")),
        deletedAt);
  }
}
