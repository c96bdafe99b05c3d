package dev.atelier.identity.internal.token;

import dev.atelier.identity.IdentityError;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Database;
import dev.atelier.platform.Sql;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Sign-in sessions, each one refresh-token family. A refresh token ({@code atr_SID_SECRET}) is good
 * for one use: using it rotates the secret. Presenting a secret of the family that is no longer
 * current means a copy was used (a stolen token, or a replay), so the whole family is revoked.
 */
public final class AuthSessions {

  private static final Pattern TOKEN = Pattern.compile("atr_([0-9a-f]{32})_([A-Za-z0-9_-]{43})");

  /** A session as its user sees it. */
  public record Session(
      String id,
      long userId,
      long orgId,
      @Nullable String userAgent,
      @Nullable String ip,
      Instant createdAt,
      Instant lastUsedAt,
      Instant expiresAt,
      @Nullable Instant revokedAt) {}

  /** A session and the refresh token that continues it. */
  public record Renewed(Session session, String refreshToken) {}

  /** Thrown when a spent refresh token comes back: the family is revoked by then. */
  public static final class ReuseDetected extends AtelierException {
    private final Session session;

    ReuseDetected(Session session) {
      super(
          IdentityError.UNAUTHORIZED,
          "this refresh token was already used; the session is revoked, sign in again");
      this.session = session;
    }

    public Session session() {
      return session;
    }
  }

  private final Sql sql;
  private final Clock clock;
  private final Duration lifetime;
  private final SecureRandom random = new SecureRandom();

  public AuthSessions(Database database, Clock clock, Duration lifetime) {
    this.sql = new Sql(database.dataSource(), database.vendor());
    this.clock = clock;
    this.lifetime = lifetime;
  }

  public Duration lifetime() {
    return lifetime;
  }

  public Renewed start(long userId, long orgId, @Nullable String userAgent, @Nullable String ip) {
    byte[] id = new byte[16];
    random.nextBytes(id);
    String sid = HexFormat.of().formatHex(id);
    String secret = secret();
    long now = clock.millis();
    sql.jdbc()
        .sql(
            "insert into auth_sessions (id, user_id, org_id, refresh_hash, user_agent, ip,"
                + " created_at, last_used_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            Arrays.<@Nullable Object>asList(
                sid,
                userId,
                orgId,
                sha256(secret),
                userAgent == null ? null : clip(userAgent),
                ip,
                now,
                now,
                now + lifetime.toMillis()))
        .update();
    return new Renewed(find(sid).orElseThrow(), token(sid, secret));
  }

  /** Spends a refresh token and answers its successor (the session's expiry slides forward). */
  public Renewed rotate(String refreshToken) {
    Matcher parts = TOKEN.matcher(refreshToken);
    if (!parts.matches()) {
      throw invalid();
    }
    String sid = parts.group(1);
    // No transaction: a revocation must stay written when the reuse is reported by throwing.
    record Stored(Session session, String hash) {}
    Stored stored =
        sql.jdbc()
            .sql("select * from auth_sessions where id = ?")
            .param(sid)
            .query((rows, n) -> new Stored(session(rows, n), rows.getString("refresh_hash")))
            .optional()
            .orElseThrow(AuthSessions::invalid);
    Session session = stored.session();
    long now = clock.millis();
    if (session.revokedAt() != null || now >= session.expiresAt().toEpochMilli()) {
      throw invalid();
    }
    if (!MessageDigest.isEqual(
        stored.hash().getBytes(StandardCharsets.US_ASCII),
        sha256(parts.group(2)).getBytes(StandardCharsets.US_ASCII))) {
      revoke(sid, "refresh-reuse");
      throw new ReuseDetected(session);
    }
    String secret = secret();
    int changed =
        sql.jdbc()
            .sql(
                "update auth_sessions set refresh_hash = ?, last_used_at = ?, expires_at = ?"
                    + " where id = ? and refresh_hash = ? and revoked_at is null")
            .params(sha256(secret), now, now + lifetime.toMillis(), sid, stored.hash())
            .update();
    if (changed == 0) {
      // Another request spent the same token between our read and write.
      revoke(sid, "refresh-reuse");
      throw new ReuseDetected(session);
    }
    return new Renewed(find(sid).orElseThrow(), token(sid, secret));
  }

  /** The session behind a refresh token, without spending it (e.g. to log it out). */
  public Optional<String> sessionOf(String refreshToken) {
    Matcher parts = TOKEN.matcher(refreshToken);
    return parts.matches() ? Optional.of(parts.group(1)) : Optional.empty();
  }

  public void switchOrg(String sid, long orgId) {
    sql.jdbc().sql("update auth_sessions set org_id = ? where id = ?").params(orgId, sid).update();
  }

  public Optional<Session> find(String sid) {
    return sql.jdbc()
        .sql("select * from auth_sessions where id = ?")
        .param(sid)
        .query(AuthSessions::session)
        .optional();
  }

  /** Whether the session may still be used (not revoked, not expired). */
  public boolean isActive(String sid) {
    return sql.jdbc()
            .sql(
                "select count(*) from auth_sessions where id = ? and revoked_at is null and"
                    + " expires_at > ?")
            .params(sid, clock.millis())
            .query(Long.class)
            .single()
        > 0;
  }

  /** The user's sessions that are still active, newest first. */
  public List<Session> active(long userId) {
    return sql.jdbc()
        .sql(
            "select * from auth_sessions where user_id = ? and revoked_at is null and expires_at"
                + " > ? order by created_at desc")
        .params(userId, clock.millis())
        .query(AuthSessions::session)
        .list();
  }

  /** Revokes one session; false when it was not active. */
  public boolean revoke(String sid, String reason) {
    return sql.jdbc()
            .sql(
                "update auth_sessions set revoked_at = ?, revoke_reason = ? where id = ? and"
                    + " revoked_at is null")
            .params(clock.millis(), reason, sid)
            .update()
        > 0;
  }

  /** Revokes every active session of a user but {@code keep}; answers how many. */
  public int revokeAll(long userId, String reason, @Nullable String keep) {
    return sql.jdbc()
        .sql(
            "update auth_sessions set revoked_at = ?, revoke_reason = ? where user_id = ? and"
                + " revoked_at is null and id <> ?")
        .params(clock.millis(), reason, userId, keep == null ? "" : keep)
        .update();
  }

  private String secret() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String token(String sid, String secret) {
    return "atr_" + sid + "_" + secret;
  }

  private static String clip(String value) {
    return value.length() > 200 ? value.substring(0, 200) : value;
  }

  private static AtelierException invalid() {
    return new AtelierException(
        IdentityError.UNAUTHORIZED, "the refresh token is not valid (unknown, expired or revoked)");
  }

  private static Session session(ResultSet rows, int n) throws SQLException {
    long revoked = rows.getLong("revoked_at");
    Instant revokedAt = rows.wasNull() ? null : Instant.ofEpochMilli(revoked);
    return new Session(
        rows.getString("id"),
        rows.getLong("user_id"),
        rows.getLong("org_id"),
        rows.getString("user_agent"),
        rows.getString("ip"),
        Instant.ofEpochMilli(rows.getLong("created_at")),
        Instant.ofEpochMilli(rows.getLong("last_used_at")),
        Instant.ofEpochMilli(rows.getLong("expires_at")),
        revokedAt);
  }

  static String sha256(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
