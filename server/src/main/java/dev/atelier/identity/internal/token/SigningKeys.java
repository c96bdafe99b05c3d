package dev.atelier.identity.internal.token;

import dev.atelier.platform.Database;
import dev.atelier.platform.Sql;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HMAC keys that sign access tokens, each named by a {@code kid}. The newest signs; a key stays
 * valid for checking until every token it signed has expired, so rotating logs nobody out. Keys are
 * kept sealed in the database, so every node of a service shares them; a node reloads them when it
 * meets a kid it does not know.
 */
public final class SigningKeys {

  /** A key in use. */
  public record SigningKey(String kid, byte[] secret, long createdAt) {}

  private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
  private static final Duration RELOAD_AT_MOST_EVERY = Duration.ofSeconds(1);

  private final Sql sql;
  private final SecretBox box;
  private final Clock clock;
  private final Duration rotateAfter;
  private final Duration keepFor;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, SigningKey> known = new ConcurrentHashMap<>();
  private final Set<String> unreadable = ConcurrentHashMap.newKeySet();
  private volatile @Nullable SigningKey current;
  private volatile long loadedAt;

  /**
   * @param rotateAfter how long a key signs before a new one replaces it
   * @param keepFor how long a replaced key still verifies (at least the access-token lifetime)
   */
  public SigningKeys(
      Database database, SecretBox box, Clock clock, Duration rotateAfter, Duration keepFor) {
    this.sql = new Sql(database.dataSource(), database.vendor());
    this.box = box;
    this.clock = clock;
    this.rotateAfter = rotateAfter;
    this.keepFor = keepFor;
  }

  /** The key to sign with now; made (or rotated) when none is young enough. */
  public SigningKey signing() {
    SigningKey key = current;
    long now = clock.millis();
    if (key == null || now - key.createdAt() >= rotateAfter.toMillis()) {
      synchronized (this) {
        reload();
        key = current;
        if (key == null || now - key.createdAt() >= rotateAfter.toMillis()) {
          key = rotate();
        }
      }
    }
    return key;
  }

  /** The key named {@code kid}, if it still verifies. */
  public Optional<SigningKey> verifying(String kid) {
    SigningKey key = known.get(kid);
    if (key == null && System.nanoTime() - loadedAt > RELOAD_AT_MOST_EVERY.toNanos()) {
      synchronized (this) {
        reload();
      }
      key = known.get(kid);
    }
    return Optional.ofNullable(key);
  }

  /** Starts signing with a new key now; the previous ones keep verifying. */
  public synchronized SigningKey rotate() {
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    byte[] id = new byte[8];
    random.nextBytes(id);
    String kid = HexFormat.of().formatHex(id);
    long now = clock.millis();
    sql.jdbc()
        .sql("insert into signing_keys (kid, sealed, created_at) values (?, ?, ?)")
        .params(kid, box.seal(secret), now)
        .update();
    sql.jdbc()
        .sql("delete from signing_keys where created_at < ?")
        .param(now - rotateAfter.toMillis() - keepFor.toMillis())
        .update();
    reload();
    return current == null ? new SigningKey(kid, secret, now) : current;
  }

  private void reload() {
    record Row(String kid, String sealed, long createdAt) {}
    List<Row> rows =
        sql.jdbc()
            .sql("select kid, sealed, created_at from signing_keys order by created_at, kid")
            .query((r, n) -> new Row(r.getString(1), r.getString(2), r.getLong(3)))
            .list();
    long now = clock.millis();
    SigningKey newest = null;
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      // A key replaced longer ago than the verification window no longer counts.
      boolean replacedLongAgo =
          i + 1 < rows.size() && now - rows.get(i + 1).createdAt() > keepFor.toMillis();
      if (replacedLongAgo) {
        known.remove(row.kid());
        continue;
      }
      SigningKey key = known.get(row.kid());
      if (key == null) {
        try {
          key = new SigningKey(row.kid(), box.open(row.sealed()), row.createdAt());
        } catch (IllegalStateException sealedElsewhere) {
          // Sealed under another secret key (a node without the shared ATELIER_SECRET_KEY):
          // unusable here; a key of our own replaces it when none is left.
          if (unreadable.add(row.kid())) {
            log.warn("signing key {} does not open with this node's secret key", row.kid());
          }
          continue;
        }
        known.put(row.kid(), key);
      }
      newest = key;
    }
    current = newest;
    loadedAt = System.nanoTime();
  }
}
