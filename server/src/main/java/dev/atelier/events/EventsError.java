package dev.atelier.events;

import dev.atelier.platform.ErrorCode;

/** Error codes of the events module. */
public enum EventsError implements ErrorCode {
  INVALID_TOPIC("invalid-topic", 400, "Invalid event topic"),
  TOPIC_NOT_FOUND("topic-not-found", 404, "No such event topic"),
  TOO_MANY_TOPICS("too-many-topics", 400, "Too many topics in one subscription"),
  INVALID_LAST_EVENT_ID("invalid-last-event-id", 400, "Invalid Last-Event-ID"),
  TOO_MANY_SUBSCRIBERS("too-many-subscribers", 503, "Too many event subscribers"),
  INVALID_MESSAGE("invalid-message", 400, "Invalid WebSocket message");

  private final Spec spec;

  EventsError(String code, int httpStatus, String title) {
    this.spec = new Spec(code, httpStatus, title);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
