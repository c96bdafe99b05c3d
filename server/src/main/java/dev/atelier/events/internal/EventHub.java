package dev.atelier.events.internal;

import static java.util.Objects.requireNonNull;

import dev.atelier.events.Event;
import dev.atelier.events.EventBus;
import dev.atelier.events.EventTopics;
import dev.atelier.events.EventsError;
import dev.atelier.platform.AtelierException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link EventBus} of one node: per-topic replay buffers and local subscribers. A {@link Relay}
 * hands out event ids and carries events to the other nodes (in service mode through Redis); events
 * arriving from other nodes come in through {@link #deliver(Event)}.
 */
public final class EventHub implements EventBus, AutoCloseable {

  /** Topics whose replay buffers are kept; the least recently published beyond it are dropped. */
  static final int MAX_TOPICS = 10_000;

  private static final Logger log = LoggerFactory.getLogger(EventHub.class);

  /** Ids and cross-node transport. */
  public interface Relay extends AutoCloseable {
    long nextId();

    void send(Event event);

    @Override
    default void close() {}
  }

  /**
   * A single-node relay: ids from a counter seeded with the clock, so they grow across restarts.
   */
  public static Relay inProcess() {
    AtomicLong ids = new AtomicLong(System.currentTimeMillis() * 1000);
    return new Relay() {
      @Override
      public long nextId() {
        return ids.incrementAndGet();
      }

      @Override
      public void send(Event event) {}
    };
  }

  private record Subscriber(Set<String> topics, Consumer<Event> listener) {}

  private final JsonMapper json;
  private final int replayPerTopic;
  private final int maxSubscribers;
  private final Relay relay;
  private final Clock clock;
  private final Object lock = new Object();
  private final Map<String, ArrayDeque<Event>> buffers = new LinkedHashMap<>(16, 0.75f, true);
  private final Map<String, Set<Subscriber>> subscribers = new HashMap<>();
  private int subscriberCount;
  private final AtomicLong fallbackIds = new AtomicLong(System.currentTimeMillis() * 1000);

  public EventHub(JsonMapper json, int replayPerTopic, int maxSubscribers, Relay relay) {
    this(json, replayPerTopic, maxSubscribers, relay, Clock.systemUTC());
  }

  EventHub(JsonMapper json, int replayPerTopic, int maxSubscribers, Relay relay, Clock clock) {
    this.json = requireNonNull(json, "json is null");
    this.relay = requireNonNull(relay, "relay is null");
    this.clock = requireNonNull(clock, "clock is null");
    if (replayPerTopic < 0 || maxSubscribers <= 0) {
      throw new IllegalArgumentException("replayPerTopic must be >= 0 and maxSubscribers > 0");
    }
    this.replayPerTopic = replayPerTopic;
    this.maxSubscribers = maxSubscribers;
  }

  @Override
  public Event publish(String topic, String type, Object payload) {
    EventTopics.require(requireNonNull(topic, "topic is null"));
    requireNonNull(type, "type is null");
    requireNonNull(payload, "payload is null");
    Event event =
        new Event(relay.nextId(), topic, type, clock.instant(), json.writeValueAsString(payload));
    deliver(event);
    try {
      relay.send(event);
    } catch (RuntimeException e) {
      log.warn("event {} on {} reached this node only: {}", type, topic, e.getMessage());
    }
    return event;
  }

  /** The relay's id, or a local one when the relay cannot hand one out (Redis down). */
  private long nextId() {
    try {
      return relay.nextId();
    } catch (RuntimeException e) {
      log.warn("no event id from the relay ({}); using a local one", e.toString());
      return fallbackIds.incrementAndGet();
    }
  }

  /** Buffers an event and hands it to this node's subscribers of its topic. */
  public void deliver(Event event) {
    synchronized (lock) {
      if (replayPerTopic > 0) {
        ArrayDeque<Event> buffer = buffers.computeIfAbsent(event.topic(), t -> new ArrayDeque<>());
        buffer.addLast(event);
        while (buffer.size() > replayPerTopic) {
          buffer.removeFirst();
        }
        if (buffers.size() > MAX_TOPICS) {
          var eldest = buffers.keySet().iterator();
          eldest.next();
          eldest.remove();
        }
      }
      for (Subscriber subscriber : subscribers.getOrDefault(event.topic(), Set.of())) {
        notify(subscriber, event);
      }
    }
  }

  @Override
  public Subscription subscribe(
      Collection<String> topics, @Nullable Long afterId, Consumer<Event> listener) {
    requireNonNull(listener, "listener is null");
    Set<String> wanted = new LinkedHashSet<>();
    for (String topic : requireNonNull(topics, "topics is null")) {
      wanted.add(EventTopics.require(topic));
    }
    if (wanted.isEmpty()) {
      throw new AtelierException(
          EventsError.INVALID_TOPIC, "name at least one topic, e.g. topic=repo:42");
    }
    if (wanted.size() > EventTopics.MAX_PER_SUBSCRIPTION) {
      throw new AtelierException(
          EventsError.TOO_MANY_TOPICS,
          "one subscription takes at most " + EventTopics.MAX_PER_SUBSCRIPTION + " topics");
    }
    Subscriber subscriber = new Subscriber(Set.copyOf(wanted), listener);
    synchronized (lock) {
      if (subscriberCount >= maxSubscribers) {
        throw new AtelierException(
            EventsError.TOO_MANY_SUBSCRIBERS,
            "this node already serves " + maxSubscribers + " event subscribers; retry later");
      }
      if (afterId != null) {
        List<Event> missed = new ArrayList<>();
        for (String topic : wanted) {
          for (Event event : buffers.getOrDefault(topic, new ArrayDeque<>())) {
            if (event.id() > afterId) {
              missed.add(event);
            }
          }
        }
        missed.sort(Comparator.comparingLong(Event::id));
        missed.forEach(event -> notify(subscriber, event));
      }
      for (String topic : wanted) {
        subscribers.computeIfAbsent(topic, t -> new LinkedHashSet<>()).add(subscriber);
      }
      subscriberCount++;
    }
    return new Subscription() {
      private boolean closed;

      @Override
      public void close() {
        synchronized (lock) {
          if (closed) {
            return;
          }
          closed = true;
          for (String topic : subscriber.topics()) {
            Set<Subscriber> set = subscribers.get(topic);
            if (set != null) {
              set.remove(subscriber);
              if (set.isEmpty()) {
                subscribers.remove(topic);
              }
            }
          }
          subscriberCount--;
        }
      }
    };
  }

  /** Subscribers on this node, for status and tests. */
  public int subscriberCount() {
    synchronized (lock) {
      return subscriberCount;
    }
  }

  private static void notify(Subscriber subscriber, Event event) {
    try {
      subscriber.listener().accept(event);
    } catch (RuntimeException e) {
      log.warn("an event listener failed on {}: {}", event.type(), e.toString());
    }
  }

  @Override
  public void close() {
    try {
      relay.close();
    } catch (Exception e) {
      log.warn("closing the event relay failed: {}", e.toString());
    }
  }
}
