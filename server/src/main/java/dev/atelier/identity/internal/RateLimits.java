package dev.atelier.identity.internal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Request budgets per caller (Bucket4j token buckets refilled each minute): per address for
 * anonymous calls, per user or key otherwise. Buckets live in memory in local mode and in Redis in
 * service mode, so that a limit holds across every node.
 */
public final class RateLimits implements AutoCloseable {

  /** The outcome of one request's check, with what the RateLimit headers report. */
  public record Verdict(boolean allowed, long limit, long remaining, long resetSeconds) {}

  private static final int MAX_LOCAL_BUCKETS = 100_000;

  private final String namespace;
  private final long anonymousPerMinute;
  private final long callerPerMinute;
  private final @Nullable ProxyManager<String> shared;
  private final @Nullable StatefulRedisConnection<String, byte[]> connection;
  private final Map<String, Bucket> local = new ConcurrentHashMap<>();

  private RateLimits(
      long anonymousPerMinute,
      long callerPerMinute,
      @Nullable ProxyManager<String> shared,
      @Nullable StatefulRedisConnection<String, byte[]> connection,
      String namespace) {
    this.namespace = namespace;
    this.anonymousPerMinute = anonymousPerMinute;
    this.callerPerMinute = callerPerMinute;
    this.shared = shared;
    this.connection = connection;
  }

  public static RateLimits inMemory(long anonymousPerMinute, long callerPerMinute) {
    return new RateLimits(anonymousPerMinute, callerPerMinute, null, null, "");
  }

  /** Buckets kept in Redis (they expire once full again), shared by every node. */
  public static RateLimits inRedis(
      StatefulRedisConnection<String, byte[]> connection,
      String namespace,
      long anonymousPerMinute,
      long callerPerMinute) {
    ProxyManager<String> proxies =
        Bucket4jLettuce.casBasedBuilder(connection)
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    Duration.ofMinutes(1)))
            .build();
    return new RateLimits(anonymousPerMinute, callerPerMinute, proxies, connection, namespace);
  }

  /**
   * Takes one request from the budget of {@code key} ({@code ip:...} for anonymous callers, {@code
   * user:...} or {@code key:...} otherwise).
   */
  public Verdict take(String key, boolean anonymous) {
    return take(key, anonymous ? anonymousPerMinute : callerPerMinute, Duration.ofMinutes(1));
  }

  /** Takes one from a budget of {@code capacity} per {@code window} (e.g. sign-in attempts). */
  public Verdict take(String key, long capacity, Duration window) {
    BucketConfiguration configuration =
        BucketConfiguration.builder()
            .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build())
            .build();
    ConsumptionProbe probe;
    if (shared != null) {
      probe =
          shared
              .builder()
              .build(namespace + key, () -> configuration)
              .tryConsumeAndReturnRemaining(1);
    } else {
      if (local.size() > MAX_LOCAL_BUCKETS) {
        // Many addresses at once: start over rather than grow without bound.
        local.clear();
      }
      probe =
          local
              .computeIfAbsent(
                  key, k -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build())
              .tryConsumeAndReturnRemaining(1);
    }
    long resetSeconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
    return new Verdict(probe.isConsumed(), capacity, probe.getRemainingTokens(), resetSeconds);
  }

  @Override
  public void close() {
    if (connection != null) {
      connection.close();
    }
  }
}
