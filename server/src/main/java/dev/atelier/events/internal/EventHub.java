package dev.atelier.events.internal;

import static java.util.Objects.requireNonNull;

import dev.atelier.events.Event;
import dev.atelier.events.EventBus;
import dev.atelier.events.EventTopics;
import dev.atelier.events.EventsError;
import dev.atelier.platform.AtelierException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link EventBus} of one node: durable events go through the {@link EventLog} (which hands out
 * their ids), then to this node's subscribers and, through a {@link Relay}, to the other nodes' (in
 * service mode through Redis); events arriving from other nodes come in through {@link
 * #deliver(Event)}. A reconnecting subscriber replays from the log, not from memory, so a restart
 * or another node loses nothing within the log's window.
 */
public final class EventHub implements EventBus, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EventHub.class);

  /** Carries events to the other nodes. */
  public interface Relay extends AutoCloseable {
    void send(Event event);

    @Override
    default void close() {}
  }

  /** A single node: nothing to carry. */
  public static Relay inProcess() {
    return event -> {};
  }

  private final JsonMapper json;
  private final EventLog eventLog;
  private final int maxSubscribers;
  private final Relay relay;
  private final Clock clock;
  private final Object lock = new Object();
  private final Map<String, Set<Subscriber>> subscribers = new HashMap<>();
  private int subscriberCount;

  public EventHub(JsonMapper json, EventLog eventLog, int maxSubscribers, Relay relay) {
    this(json, eventLog, maxSubscribers, relay, Clock.systemUTC());
  }

  EventHub(JsonMapper json, EventLog eventLog, int maxSubscribers, Relay relay, Clock clock) {
    this.json = requireNonNull(json, "json is null");
    this.eventLog = requireNonNull(eventLog, "eventLog is null");
    this.relay = requireNonNull(relay, "relay is null");
    this.clock = requireNonNull(clock, "clock is null");
    if (maxSubscribers <= 0) {
      throw new IllegalArgumentException("maxSubscribers must be > 0");
    }
    this.maxSubscribers = maxSubscribers;
  }

  @Override
  public Event publish(long orgId, String topic, String type, Object payload) {
    Event event = eventLog.append(unlogged(orgId, topic, type, payload));
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      // Nobody hears of a change that is then rolled back.
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              spread(event);
            }
          });
    } else {
      spread(event);
    }
    return event;
  }

  @Override
  public Event signal(long orgId, String topic, String type, Object payload) {
    Event event = unlogged(orgId, topic, type, payload);
    spread(event);
    return event;
  }

  private Event unlogged(long orgId, String topic, String type, Object payload) {
    EventTopics.require(requireNonNull(topic, "topic is null"));
    requireNonNull(type, "type is null");
    requireNonNull(payload, "payload is null");
    return new Event(0, orgId, topic, type, clock.instant(), json.writeValueAsString(payload));
  }

  private void spread(Event event) {
    deliver(event);
    try {
      relay.send(event);
    } catch (RuntimeException e) {
      log.warn(
          "event {} on {} reached this node only: {}", event.type(), event.topic(), e.toString());
    }
  }

  /** Hands an event to this node's subscribers of its topic and org. */
  public void deliver(Event event) {
    List<Subscriber> targets;
    synchronized (lock) {
      Set<Subscriber> set = subscribers.get(event.topic());
      if (set == null) {
        return;
      }
      targets = new ArrayList<>(set);
    }
    for (Subscriber subscriber : targets) {
      if (subscriber.orgId == event.orgId()) {
        subscriber.accept(event);
      }
    }
  }

  @Override
  public Subscription subscribe(
      long orgId, Collection<String> topics, @Nullable Long afterId, Consumer<Event> listener) {
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
    Subscriber subscriber = new Subscriber(orgId, Set.copyOf(wanted), listener, afterId != null);
    synchronized (lock) {
      if (subscriberCount >= maxSubscribers) {
        throw new AtelierException(
            EventsError.TOO_MANY_SUBSCRIBERS,
            "this node already serves " + maxSubscribers + " event subscribers; retry later");
      }
      for (String topic : wanted) {
        subscribers.computeIfAbsent(topic, t -> new LinkedHashSet<>()).add(subscriber);
      }
      subscriberCount++;
    }
    Subscription subscription = () -> unsubscribe(subscriber);
    if (afterId != null) {
      // Registered first, so nothing published while the log is read slips between the two.
      try {
        subscriber.replayed(afterId, eventLog.after(orgId, wanted, afterId));
      } catch (RuntimeException e) {
        subscription.close();
        throw e;
      }
    }
    return subscription;
  }

  private void unsubscribe(Subscriber subscriber) {
    synchronized (lock) {
      if (subscriber.closed) {
        return;
      }
      subscriber.closed = true;
      for (String topic : subscriber.topics) {
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

  /** Subscribers on this node, for status and tests. */
  public int subscriberCount() {
    synchronized (lock) {
      return subscriberCount;
    }
  }

  /**
   * One subscription. While it replays, live events wait in {@code held}; afterwards those the
   * replay already gave are dropped and the rest follow in arrival order.
   */
  private final class Subscriber {
    final long orgId;
    final Set<String> topics;
    final Consumer<Event> listener;
    boolean closed; // guarded by the hub's lock
    private boolean replaying;
    private final List<Event> held = new ArrayList<>();

    Subscriber(long orgId, Set<String> topics, Consumer<Event> listener, boolean replaying) {
      this.orgId = orgId;
      this.topics = topics;
      this.listener = listener;
      this.replaying = replaying;
    }

    synchronized void accept(Event event) {
      if (replaying) {
        held.add(event);
      } else {
        notifyListener(event);
      }
    }

    synchronized void replayed(long afterId, EventLog.Replay replay) {
      if (replay.gap()) {
        notifyListener(
            new Event(
                0,
                orgId,
                topics.iterator().next(),
                RESYNC,
                clock.instant(),
                "{\"reason\":\"the replay log no longer holds every event after "
                    + afterId
                    + "\"}"));
      }
      long last = afterId;
      for (Event event : replay.events()) {
        notifyListener(event);
        last = event.id();
      }
      for (Event event : held) {
        if (!event.durable() || event.id() > last) {
          notifyListener(event);
        }
      }
      held.clear();
      replaying = false;
    }

    private void notifyListener(Event event) {
      try {
        listener.accept(event);
      } catch (RuntimeException e) {
        log.warn("an event listener failed on {}: {}", event.type(), e.toString());
      }
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
