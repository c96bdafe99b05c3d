package dev.atelier.platform;

import static java.util.Objects.requireNonNull;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;

/**
 * The Redis connection of a service-mode node: cross-node events, job streams, caches and rate
 * limits go through it. Connecting checks that Redis answers, so a node fails fast without it.
 */
public final class Redis implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final String description;

  private Redis(
      RedisClient client, StatefulRedisConnection<String, String> connection, String description) {
    this.client = client;
    this.connection = connection;
    this.description = description;
  }

  public static Redis connect(String url) {
    requireNonNull(url, "url is null");
    RedisURI uri;
    try {
      uri = RedisURI.create(url);
    } catch (RuntimeException e) {
      throw new AtelierException(
          PlatformError.MISCONFIGURED, "ATELIER_REDIS_URL is not a Redis URL: " + e.getMessage());
    }
    uri.setTimeout(TIMEOUT);
    String description = uri.getHost() + ":" + uri.getPort();
    RedisClient client = RedisClient.create(uri);
    try {
      StatefulRedisConnection<String, String> connection = client.connect();
      Redis redis = new Redis(client, connection, description);
      if (!redis.ping()) {
        redis.close();
        throw new AtelierException(
            PlatformError.REDIS_UNAVAILABLE, "Redis at " + description + " does not answer PING");
      }
      return redis;
    } catch (RuntimeException e) {
      client.shutdown();
      if (e instanceof AtelierException) {
        throw e;
      }
      throw new AtelierException(
          PlatformError.REDIS_UNAVAILABLE,
          "cannot reach Redis at "
              + description
              + " ("
              + e.getMessage()
              + "); start it (scripts/services) or fix ATELIER_REDIS_URL",
          e);
    }
  }

  /** True when Redis answers PING within the timeout. */
  public boolean ping() {
    try {
      return "PONG".equals(connection.sync().ping());
    } catch (RuntimeException e) {
      return false;
    }
  }

  public StatefulRedisConnection<String, String> connection() {
    return connection;
  }

  /**
   * A new connection for pub/sub (a subscribed connection cannot run other commands); the caller
   * closes it.
   */
  public StatefulRedisPubSubConnection<String, String> connectPubSub() {
    return client.connectPubSub();
  }

  /** A new connection with string keys and byte values (for binary state); the caller closes it. */
  public StatefulRedisConnection<String, byte[]> connectBinary() {
    return client.connect(
        io.lettuce.core.codec.RedisCodec.of(
            io.lettuce.core.codec.StringCodec.UTF8, io.lettuce.core.codec.ByteArrayCodec.INSTANCE));
  }

  public String description() {
    return description;
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}
