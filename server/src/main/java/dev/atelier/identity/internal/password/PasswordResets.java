package dev.atelier.identity.internal.password;

import dev.atelier.identity.IdentityError;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Database;
import dev.atelier.platform.Sql;
import java.time.Clock;
import java.time.Duration;

/** One-time password-reset codes: valid for an hour, spent on first use. */
public final class PasswordResets {

  private static final Duration VALID_FOR = Duration.ofHours(1);

  private final Sql sql;
  private final Clock clock;
  private final OneTimeCodes codes;

  public PasswordResets(Database database, Clock clock, OneTimeCodes codes) {
    this.sql = new Sql(database.dataSource(), database.vendor());
    this.clock = clock;
    this.codes = codes;
  }

  /** A fresh code for the user; earlier unused codes stay valid until they expire. */
  public String issue(long userId) {
    String code = codes.next();
    long now = clock.millis();
    sql.jdbc()
        .sql(
            "insert into password_resets (code_hash, user_id, created_at, expires_at) values (?,"
                + " ?, ?, ?)")
        .params(OneTimeCodes.hash(code), userId, now, now + VALID_FOR.toMillis())
        .update();
    return code;
  }

  /** Spends a code and answers whose it was; a 400 problem when it is unknown, used or old. */
  public long spend(String code) {
    long now = clock.millis();
    String hash = OneTimeCodes.hash(code);
    Long user =
        sql.jdbc()
            .sql(
                "select user_id from password_resets where code_hash = ? and used_at is null and"
                    + " expires_at > ?")
            .params(hash, now)
            .query(Long.class)
            .optional()
            .orElseThrow(() ->
                new AtelierException(
                    IdentityError.CODE_INVALID,
                    "this reset link is not valid (unknown, used or older than an hour)"));
    int spent =
        sql.jdbc()
            .sql("update password_resets set used_at = ? where code_hash = ? and used_at is null")
            .params(now, hash)
            .update();
    if (spent == 0) {
      throw new AtelierException(IdentityError.CODE_INVALID, "this reset link was just used");
    }
    return user;
  }
}
