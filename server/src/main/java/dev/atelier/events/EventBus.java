package dev.atelier.events;

import java.util.Collection;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Publishes events to topics and delivers them to subscribers, on this node and (in service mode,
 * through Redis) on every other node. Each topic keeps a bounded replay buffer so a client that
 * reconnects gets what it missed.
 */
public interface EventBus {

  /**
   * Publishes an event; returns at once. The payload is serialised to JSON now.
   *
   * @param topic a topic such as {@code repo:42} (see {@link EventTopics})
   * @param type what happened, e.g. {@code index.progress}
   * @param payload anything Jackson can write (a map, a record)
   * @return the event as delivered
   */
  Event publish(String topic, String type, Object payload);

  /**
   * Subscribes a listener to topics. When {@code afterId} is given, buffered events of those topics
   * with a larger id are handed to the listener first, in id order, before any new event.
   *
   * <p>The listener is called on the publisher's thread (or Redis's): it must not block. The
   * subscriber cap applies: past it this fails with {@link EventsError#TOO_MANY_SUBSCRIBERS}.
   */
  Subscription subscribe(
      Collection<String> topics, @Nullable Long afterId, Consumer<Event> listener);

  /** Ends a subscription; closing twice is harmless. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
