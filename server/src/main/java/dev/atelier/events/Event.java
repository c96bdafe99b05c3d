package dev.atelier.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One published event.
 *
 * @param id increasing across the deployment (in service mode it comes from Redis); SSE clients
 *     send the last one they saw back as {@code Last-Event-ID} to get what they missed
 * @param topic e.g. {@code repo:42}
 * @param type e.g. {@code index.completed}
 * @param at when it was published
 * @param payloadJson the payload as a JSON document
 */
public record Event(long id, String topic, String type, Instant at, String payloadJson) {

  public Event {
    requireNonNull(topic, "topic is null");
    requireNonNull(type, "type is null");
    requireNonNull(at, "at is null");
    requireNonNull(payloadJson, "payloadJson is null");
  }
}
