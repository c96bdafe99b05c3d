package dev.atelier.identity.internal;

import dev.atelier.identity.IdentityError;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Database;
import dev.atelier.platform.PlatformError;
import dev.atelier.platform.Sql;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * API keys of an org: made with a secret shown once, stored as the secret's SHA-256 under a public
 * prefix, listed without secrets, revoked by keeping the row and stamping it. Authenticating a key
 * looks it up by prefix and compares hashes in constant time.
 */
public final class ApiKeys {

  private static final Pattern KEY = Pattern.compile("atl_([a-z0-9]{12})_([A-Za-z0-9_-]{43})");
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  // last_used_at is written at most this often per key, not on every request.
  private static final Duration USE_STAMP_INTERVAL = Duration.ofMinutes(1);

  // A key checked within the last second is not read again: other nodes see a revocation within
  // that second, this node at once.
  private static final Duration VALIDATED_FOR = Duration.ofSeconds(1);
  private static final int MAX_VALIDATED = 10_000;

  private record Validated(KeyHolder holder, long until) {}

  private final Map<String, Validated> validated = new ConcurrentHashMap<>();
  private final Sql sql;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public ApiKeys(Database database, Clock clock) {
    this.sql = new Sql(database.dataSource(), database.vendor());
    this.clock = clock;
  }

  /** A key as listed: never its secret. */
  public record ApiKey(
      long id,
      String name,
      String prefix,
      Set<ApiKeyScope> scopes,
      Instant createdAt,
      @Nullable Instant expiresAt,
      @Nullable Instant lastUsedAt,
      @Nullable Instant revokedAt,
      boolean agent) {}

  /** A key just made, with the one and only copy of its secret. */
  public record CreatedKey(ApiKey key, String secret) {}

  /** Who a valid key acts for. */
  public record KeyHolder(
      long orgId, String userId, long keyId, Set<ApiKeyScope> scopes, boolean agent) {}

  public CreatedKey create(
      long orgId,
      String userId,
      String name,
      Set<ApiKeyScope> scopes,
      @Nullable Duration lifetime,
      boolean agent) {
    if (name.isBlank() || name.length() > 100) {
      throw new AtelierException(PlatformError.BAD_REQUEST, "name must be 1 to 100 characters");
    }
    if (scopes.isEmpty()) {
      throw new AtelierException(
          PlatformError.BAD_REQUEST, "give at least one scope: read, write, admin or mcp");
    }
    String prefix = randomPrefix();
    byte[] secretBytes = new byte[32];
    random.nextBytes(secretBytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
    Instant now = clock.instant();
    Instant expires = lifetime == null ? null : now.plus(lifetime);
    String scopeText =
        scopes.stream().map(ApiKeyScope::wire).sorted().collect(Collectors.joining(" "));
    long id =
        sql.jdbc()
            .sql(
                "insert into api_keys (org_id, user_id, name, prefix, secret_hash, scopes,"
                    + " created_at, expires_at, agent) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " returning id")
            .params(
                java.util.Arrays.asList(
                    orgId,
                    userId,
                    name.strip(),
                    prefix,
                    SecretDigests.sha256(secret),
                    scopeText,
                    now.toEpochMilli(),
                    expires == null ? null : expires.toEpochMilli(),
                    agent))
            .query(Long.class)
            .single();
    ApiKey key =
        new ApiKey(id, name.strip(), prefix, Set.copyOf(scopes), now, expires, null, null, agent);
    return new CreatedKey(key, "atl_" + prefix + "_" + secret);
  }

  /** The keys of one user in an org. */
  public List<ApiKey> listOf(long orgId, String userId) {
    return sql.jdbc()
        .sql("select * from api_keys where org_id = ? and user_id = ? order by id")
        .params(orgId, userId)
        .query(ApiKeys::key)
        .list();
  }

  /** Whose key {@code id} of the org is. */
  public Optional<String> owner(long orgId, long id) {
    return sql.jdbc()
        .sql("select user_id from api_keys where org_id = ? and id = ?")
        .params(orgId, id)
        .query(String.class)
        .optional();
  }

  public List<ApiKey> list(long orgId) {
    return sql.jdbc()
        .sql("select * from api_keys where org_id = ? order by id")
        .param(orgId)
        .query(ApiKeys::key)
        .list();
  }

  /** Revokes a key of the org; false when the org has no such key (or it was revoked already). */
  public Optional<ApiKey> revoke(long orgId, long id) {
    validated.values().removeIf(recent -> recent.holder().keyId() == id);
    int changed =
        sql.jdbc()
            .sql(
                "update api_keys set revoked_at = ? where org_id = ? and id = ? and revoked_at is"
                    + " null")
            .params(clock.instant().toEpochMilli(), orgId, id)
            .update();
    if (changed == 0) {
      return Optional.empty();
    }
    return sql.jdbc()
        .sql("select * from api_keys where org_id = ? and id = ?")
        .params(orgId, id)
        .query(ApiKeys::key)
        .optional();
  }

  /** Whether a presented bearer looks like an API key at all (it starts with {@code atl_}). */
  public static boolean looksLikeKey(String bearer) {
    return bearer.startsWith("atl_");
  }

  /** The holder of a valid, unexpired, unrevoked key; a 401 problem otherwise. */
  public KeyHolder authenticate(String presented) {
    Matcher parts = KEY.matcher(presented);
    if (!parts.matches()) {
      throw invalid();
    }
    String fingerprint = SecretDigests.sha256(presented);
    long nowNanos = System.nanoTime();
    Validated recent = validated.get(fingerprint);
    if (recent != null && nowNanos - recent.until() < 0) {
      return recent.holder();
    }
    KeyHolder holder = lookUp(parts);
    if (validated.size() > MAX_VALIDATED) {
      validated.clear();
    }
    validated.put(fingerprint, new Validated(holder, nowNanos + VALIDATED_FOR.toNanos()));
    return holder;
  }

  private KeyHolder lookUp(Matcher parts) {
    record Stored(
        long id,
        long orgId,
        String userId,
        String hash,
        String scopes,
        @Nullable Long expires,
        @Nullable Long revoked,
        @Nullable Long lastUsed,
        boolean agent) {}
    Stored stored =
        sql.jdbc()
            .sql("select * from api_keys where prefix = ?")
            .param(parts.group(1))
            .query((rows, n) ->
                new Stored(
                    rows.getLong("id"),
                    rows.getLong("org_id"),
                    rows.getString("user_id"),
                    rows.getString("secret_hash"),
                    rows.getString("scopes"),
                    nullableLong(rows, "expires_at"),
                    nullableLong(rows, "revoked_at"),
                    nullableLong(rows, "last_used_at"),
                    rows.getBoolean("agent")))
            .optional()
            .orElseThrow(ApiKeys::invalid);
    long now = clock.instant().toEpochMilli();
    if (!MessageDigest.isEqual(
            stored.hash().getBytes(StandardCharsets.US_ASCII),
            SecretDigests.sha256(parts.group(2)).getBytes(StandardCharsets.US_ASCII))
        || stored.revoked() != null
        || (stored.expires() != null && now >= stored.expires())) {
      throw invalid();
    }
    if (stored.lastUsed() == null || now - stored.lastUsed() > USE_STAMP_INTERVAL.toMillis()) {
      sql.jdbc()
          .sql("update api_keys set last_used_at = ? where id = ?")
          .params(now, stored.id())
          .update();
    }
    return new KeyHolder(
        stored.orgId(), stored.userId(), stored.id(), scopes(stored.scopes()), stored.agent());
  }

  private static AtelierException invalid() {
    return new AtelierException(
        IdentityError.UNAUTHORIZED, "the API key is not valid (unknown, revoked or expired)");
  }

  private String randomPrefix() {
    StringBuilder prefix = new StringBuilder(12);
    for (int i = 0; i < 12; i++) {
      prefix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return prefix.toString();
  }

  private static Set<ApiKeyScope> scopes(String text) {
    Set<ApiKeyScope> scopes = EnumSet.noneOf(ApiKeyScope.class);
    for (String word : text.split(" ")) {
      ApiKeyScope.parse(word).ifPresent(scopes::add);
    }
    return scopes;
  }

  private static ApiKey key(ResultSet rows, int number) throws SQLException {
    return new ApiKey(
        rows.getLong("id"),
        rows.getString("name"),
        rows.getString("prefix"),
        scopes(rows.getString("scopes")),
        Instant.ofEpochMilli(rows.getLong("created_at")),
        instant(nullableLong(rows, "expires_at")),
        instant(nullableLong(rows, "last_used_at")),
        instant(nullableLong(rows, "revoked_at")),
        rows.getBoolean("agent"));
  }

  private static @Nullable Instant instant(@Nullable Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  private static @Nullable Long nullableLong(ResultSet rows, String column) throws SQLException {
    long value = rows.getLong(column);
    return rows.wasNull() ? null : value;
  }
}
