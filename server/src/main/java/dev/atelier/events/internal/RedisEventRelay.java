package dev.atelier.events.internal;

import static java.util.Objects.requireNonNull;

import dev.atelier.events.Event;
import dev.atelier.platform.Redis;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carries events between service-mode nodes: each event (its id already taken from the shared
 * replay log) is published on one Redis channel that every node subscribes to. A node ignores its
 * own messages: it delivered them locally when publishing.
 */
public final class RedisEventRelay implements EventHub.Relay {

  static final String CHANNEL = "atelier:events";

  private static final Logger log = LoggerFactory.getLogger(RedisEventRelay.class);

  private final Redis redis;
  private final JsonMapper json;
  private final String node = UUID.randomUUID().toString();
  private final StatefulRedisPubSubConnection<String, String> subscription;

  /** Subscribes to the channel now; events from other nodes go to {@code remote}. */
  public RedisEventRelay(Redis redis, JsonMapper json, Consumer<Event> remote) {
    this.redis = requireNonNull(redis, "redis is null");
    this.json = requireNonNull(json, "json is null");
    requireNonNull(remote, "remote is null");
    this.subscription = redis.connectPubSub();
    subscription.addListener(
        new RedisPubSubAdapter<>() {
          @Override
          public void message(String channel, String message) {
            if (CHANNEL.equals(channel)) {
              receive(message, remote);
            }
          }
        });
    subscription.sync().subscribe(CHANNEL);
  }

  @Override
  public void send(Event event) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("node", node);
    message.put("id", event.id());
    message.put("orgId", event.orgId());
    message.put("topic", event.topic());
    message.put("type", event.type());
    message.put("at", event.at().toString());
    message.put("payload", event.payloadJson());
    redis
        .connection()
        .async()
        .publish(CHANNEL, json.writeValueAsString(message))
        .exceptionally(e -> {
          log.warn(
              "event {} on {} reached this node only: {}",
              event.type(),
              event.topic(),
              e.toString());
          return 0L;
        });
  }

  private void receive(String message, Consumer<Event> remote) {
    try {
      JsonNode node = json.readTree(message);
      if (this.node.equals(node.path("node").asString(""))) {
        return;
      }
      remote.accept(
          new Event(
              node.get("id").asLong(),
              node.get("orgId").asLong(),
              node.get("topic").asString(),
              node.get("type").asString(),
              Instant.parse(node.get("at").asString()),
              node.get("payload").asString()));
    } catch (RuntimeException e) {
      log.warn("ignoring a malformed event from Redis: {}", e.toString());
    }
  }

  @Override
  public void close() {
    subscription.close();
  }
}
