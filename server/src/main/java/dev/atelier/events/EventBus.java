package dev.atelier.events;

import java.util.Collection;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Publishes events to topics and delivers them to subscribers, on this node and (in service mode,
 * through Redis) on every other node. Durable events go to a persisted, bounded replay log first,
 * so a client that reconnects — to this node or another, before or after a restart — gets what it
 * missed.
 */
public interface EventBus {

  /**
   * Publishes a durable event: appended to the replay log (inside the caller's transaction when
   * there is one, delivered after it commits), then delivered.
   *
   * @param orgId the org the event belongs to; only its members' subscriptions receive it
   * @param topic a topic such as {@code channel:42} (see {@link EventTopics})
   * @param type what happened, seed 004's style: {@code newMessage}, {@code index.completed}
   * @param payload anything Jackson can write (a map, a record)
   * @return the event as delivered, with its log id
   */
  Event publish(long orgId, String topic, String type, Object payload);

  /**
   * Publishes a signal: delivered live to the subscribers of every node but never logged or
   * replayed (typing, presence, progress — stale by the time anyone reconnects). Its id is 0.
   */
  Event signal(long orgId, String topic, String type, Object payload);

  /**
   * Subscribes a listener to topics. When {@code afterId} is given, logged events of those topics
   * with a larger id are handed to the listener first, in id order, before any new event; when the
   * log no longer reaches back to {@code afterId} the listener first gets an event of type {@link
   * #RESYNC} (refetch everything: some events are gone).
   *
   * <p>Only events of {@code orgId} reach the listener, whatever the topic. The listener is called
   * on the publisher's thread (or Redis's): it must not block. The subscriber cap applies: past it
   * this fails with {@link EventsError#TOO_MANY_SUBSCRIBERS}.
   */
  Subscription subscribe(
      long orgId, Collection<String> topics, @Nullable Long afterId, Consumer<Event> listener);

  /** The type of the event telling a reconnecting client that the log lost some of its events. */
  String RESYNC = "resync";

  /** Ends a subscription; closing twice is harmless. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
