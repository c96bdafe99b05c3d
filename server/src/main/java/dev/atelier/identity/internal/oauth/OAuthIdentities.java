package dev.atelier.identity.internal.oauth;

import dev.atelier.platform.Database;
import dev.atelier.platform.Sql;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Which Atelier user a provider's account ({@code provider}, {@code subject}) signs in as. */
final class OAuthIdentities {

  private final Sql sql;
  private final Clock clock;

  OAuthIdentities(Database database, Clock clock) {
    this.sql = new Sql(database.dataSource(), database.vendor());
    this.clock = clock;
  }

  Optional<Long> owner(String provider, String subject) {
    return sql.jdbc()
        .sql("select user_id from oauth_identities where provider = ? and subject = ?")
        .params(provider, subject)
        .query(Long.class)
        .optional();
  }

  /**
   * Links the identity to {@code userId} unless it is linked already (two callbacks racing, say);
   * answers the user it belongs to afterwards, which may be another.
   */
  long link(String provider, String subject, long userId, @Nullable String email) {
    sql.jdbc()
        .sql(
            "insert into oauth_identities (provider, subject, user_id, email, created_at)"
                + " values (?, ?, ?, ?, ?) on conflict do nothing")
        .params(
            Arrays.<@Nullable Object>asList(
                provider, subject, userId, email, clock.instant().toEpochMilli()))
        .update();
    return owner(provider, subject).orElse(userId);
  }

  /**
   * Removes the password of an account whose email nobody had proven: whoever typed the address
   * first chose it, possibly not its owner. The owner, now proven by the provider, can set one
   * through a password reset.
   */
  void dropUnprovenPassword(long userId) {
    sql.jdbc().sql("update users set password_hash = null where id = ?").param(userId).update();
  }
}
