package dev.atelier.events.internal.web;

import dev.atelier.events.EventTopics;
import dev.atelier.events.EventsError;
import dev.atelier.events.TopicAccess;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Caller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who may subscribe to what, for SSE and WebSocket alike: each kind of topic is decided by the
 * module that owns it ({@link TopicAccess}); a topic the caller may not read is not found, the same
 * answer as a topic that does not exist.
 */
@Component
class TopicGuard {

  static final Duration RECHECK_FRESH = Duration.ofSeconds(10);
  private static final int MAX_REMEMBERED = 100_000;

  private record Checked(boolean readable, long until) {}

  private final Map<String, List<TopicAccess>> access;
  private final Map<String, Checked> recent = new ConcurrentHashMap<>();

  TopicGuard(List<TopicAccess> access) {
    this.access = access.stream().collect(Collectors.groupingBy(TopicAccess::kind));
  }

  /** The topics of a request ({@code topic=a&topic=b} or {@code topic=a,b}), trimmed. */
  static List<String> split(@Nullable Collection<String> values) {
    List<String> topics = new ArrayList<>();
    if (values != null) {
      for (String value : values) {
        for (String part : value.split(",", -1)) {
          if (!part.isBlank()) {
            topics.add(part.strip());
          }
        }
      }
    }
    return topics;
  }

  /** Fails with {@link EventsError#TOPIC_NOT_FOUND} on the first topic the caller may not read. */
  void requireReadable(Caller caller, Collection<String> topics) {
    for (String topic : topics) {
      if (!mayRead(caller, topic)) {
        throw new AtelierException(EventsError.TOPIC_NOT_FOUND, "no topic " + topic);
      }
    }
  }

  boolean mayRead(Caller caller, String topic) {
    EventTopics.require(topic);
    int colon = topic.indexOf(':');
    String key = topic.substring(colon + 1);
    return access.getOrDefault(topic.substring(0, colon), List.of()).stream()
        .anyMatch(owner -> owner.mayRead(caller.orgId(), caller.userId(), key));
  }

  /**
   * The heartbeat's re-check of open streams: the same answer as {@link #mayRead}, remembered per
   * caller and topic for {@link #RECHECK_FRESH}, so 10,000 streams on one channel cost one query
   * per interval instead of one each.
   */
  boolean stillReadable(Caller caller, Collection<String> topics) {
    long now = System.nanoTime();
    if (recent.size() > MAX_REMEMBERED) {
      recent.clear();
    }
    for (String topic : topics) {
      String key = caller.orgId() + ":" + caller.userId() + ":" + topic;
      Checked checked = recent.get(key);
      if (checked == null || now - checked.until() >= 0) {
        checked = new Checked(mayRead(caller, topic), now + RECHECK_FRESH.toNanos());
        recent.put(key, checked);
      }
      if (!checked.readable()) {
        return false;
      }
    }
    return true;
  }

  /** {@code Last-Event-ID} as a number, or {@link EventsError#INVALID_LAST_EVENT_ID}. */
  static @Nullable Long lastEventId(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new AtelierException(
          EventsError.INVALID_LAST_EVENT_ID,
          "Last-Event-ID must be an event id this server sent (a number)");
    }
  }
}
