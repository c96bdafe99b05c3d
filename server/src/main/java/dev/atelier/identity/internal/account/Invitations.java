package dev.atelier.identity.internal.account;

import dev.atelier.identity.IdentityError;
import dev.atelier.identity.internal.password.OneTimeCodes;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Database;
import dev.atelier.platform.Role;
import dev.atelier.platform.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Invitations to join an org with a role, carried by a link with a one-time code (only its hash is
 * stored). An invitation is spent when accepted and may be revoked before.
 */
public final class Invitations {

  private static final Duration VALID_FOR = Duration.ofDays(7);

  public record Invitation(
      long id,
      long orgId,
      String email,
      Role role,
      long invitedBy,
      Instant createdAt,
      Instant expiresAt,
      @Nullable Instant acceptedAt,
      @Nullable Instant revokedAt) {}

  /** An invitation just made, with the one copy of its code. */
  public record Issued(Invitation invitation, String code) {}

  private final Sql sql;
  private final Clock clock;
  private final OneTimeCodes codes;

  public Invitations(Database database, Clock clock, OneTimeCodes codes) {
    this.sql = new Sql(database.dataSource(), database.vendor());
    this.clock = clock;
    this.codes = codes;
  }

  public Issued invite(long orgId, String email, Role role, long invitedBy) {
    if (role == Role.OWNER) {
      throw new AtelierException(
          IdentityError.INVALID_ACCOUNT,
          "invite as admin, member or viewer; ownership is transferred, not invited");
    }
    String code = codes.next();
    long now = clock.millis();
    long id =
        sql.jdbc()
            .sql(
                "insert into invitations (org_id, email, role, code_hash, invited_by, created_at,"
                    + " expires_at) values (?, ?, ?, ?, ?, ?, ?) returning id")
            .params(
                orgId,
                email,
                role.wire(),
                OneTimeCodes.hash(code),
                invitedBy,
                now,
                now + VALID_FOR.toMillis())
            .query(Long.class)
            .single();
    return new Issued(find(orgId, id).orElseThrow(), code);
  }

  public List<Invitation> pending(long orgId) {
    return sql.jdbc()
        .sql(
            "select * from invitations where org_id = ? and accepted_at is null and revoked_at is"
                + " null and expires_at > ? order by id")
        .params(orgId, clock.millis())
        .query(Invitations::invitation)
        .list();
  }

  public Optional<Invitation> find(long orgId, long id) {
    return sql.jdbc()
        .sql("select * from invitations where org_id = ? and id = ?")
        .params(orgId, id)
        .query(Invitations::invitation)
        .optional();
  }

  public boolean revoke(long orgId, long id) {
    return sql.jdbc()
            .sql(
                "update invitations set revoked_at = ? where org_id = ? and id = ? and"
                    + " accepted_at is null and revoked_at is null")
            .params(clock.millis(), orgId, id)
            .update()
        > 0;
  }

  /** Spends the invitation behind a code for {@code userId}; a 400 problem when not valid. */
  public Invitation accept(String code, long userId) {
    long now = clock.millis();
    String hash = OneTimeCodes.hash(code);
    Invitation invitation =
        sql.jdbc()
            .sql(
                "select * from invitations where code_hash = ? and accepted_at is null and"
                    + " revoked_at is null and expires_at > ?")
            .params(hash, now)
            .query(Invitations::invitation)
            .optional()
            .orElseThrow(() ->
                new AtelierException(
                    IdentityError.CODE_INVALID,
                    "this invitation is not valid (unknown, used, revoked or older than 7 days)"));
    int spent =
        sql.jdbc()
            .sql(
                "update invitations set accepted_at = ?, accepted_by = ? where id = ? and"
                    + " accepted_at is null")
            .params(now, userId, invitation.id())
            .update();
    if (spent == 0) {
      throw new AtelierException(IdentityError.CODE_INVALID, "this invitation was just used");
    }
    return invitation;
  }

  private static Invitation invitation(ResultSet rows, int n) throws SQLException {
    return new Invitation(
        rows.getLong("id"),
        rows.getLong("org_id"),
        rows.getString("email"),
        Role.parse(rows.getString("role")).orElseThrow(),
        rows.getLong("invited_by"),
        Instant.ofEpochMilli(rows.getLong("created_at")),
        Instant.ofEpochMilli(rows.getLong("expires_at")),
        instant(rows, "accepted_at"),
        instant(rows, "revoked_at"));
  }

  private static @Nullable Instant instant(ResultSet rows, String column) throws SQLException {
    long millis = rows.getLong(column);
    return rows.wasNull() ? null : Instant.ofEpochMilli(millis);
  }
}
