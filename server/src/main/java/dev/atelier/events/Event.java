package dev.atelier.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One published event: seed 004's envelope ({@code id, type, orgId, topic, payload, ts}).
 *
 * @param id the event's place in the replay log, increasing across the deployment; SSE clients send
 *     the last one they saw back as {@code Last-Event-ID}. 0 for a signal (typing, presence,
 *     progress), which is delivered live and never replayed
 * @param orgId the org whose event it is; a subscriber of another org never receives it
 * @param topic e.g. {@code channel:42}
 * @param type e.g. {@code newMessage}
 * @param at when it was published
 * @param payloadJson the payload as a JSON document
 */
public record Event(
    long id, long orgId, String topic, String type, Instant at, String payloadJson) {

  public Event {
    requireNonNull(topic, "topic is null");
    requireNonNull(type, "type is null");
    requireNonNull(at, "at is null");
    requireNonNull(payloadJson, "payloadJson is null");
  }

  /** Whether it is kept in the replay log (a signal is not). */
  public boolean durable() {
    return id > 0;
  }

  /** The same event with its log id. */
  public Event withId(long logId) {
    return new Event(logId, orgId, topic, type, at, payloadJson);
  }
}
