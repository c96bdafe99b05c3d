package dev.atelier.events.internal.web;

import dev.atelier.events.Event;
import java.time.Clock;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seed 004's wire format, the same on SSE and WebSocket: {@code {id, type, orgId, topic, payload,
 * ts}} ({@code id} null for a signal, which is never replayed), and {@code {"type":"heartbeat"}}.
 */
@Component
class Envelopes {

  static final String HEARTBEAT = "heartbeat";

  private final JsonMapper json;
  private final Clock clock = Clock.systemUTC();

  Envelopes(JsonMapper json) {
    this.json = json;
  }

  /**
   * The envelope of an event, written by hand around the payload's JSON as it was stored: one event
   * goes to thousands of streams, and a parse and write per stream was most of a delivery.
   */
  String of(Event event) {
    StringBuilder envelope = new StringBuilder(event.payloadJson().length() + 160);
    envelope.append("{\"id\":").append(event.durable() ? Long.toString(event.id()) : "null");
    envelope.append(",\"type\":").append(json.writeValueAsString(event.type()));
    envelope.append(",\"orgId\":").append(event.orgId());
    envelope.append(",\"topic\":").append(json.writeValueAsString(event.topic()));
    envelope.append(",\"payload\":").append(event.payloadJson());
    envelope.append(",\"ts\":\"").append(event.at()).append("\"}");
    return envelope.toString();
  }

  String heartbeat() {
    ObjectNode beat = json.createObjectNode();
    beat.put("type", HEARTBEAT);
    beat.put("ts", clock.instant().toString());
    return json.writeValueAsString(beat);
  }

  /** A control message of the WebSocket protocol, e.g. {@code subscribed}. */
  ObjectNode control(String type) {
    ObjectNode message = json.createObjectNode();
    message.put("type", type);
    return message;
  }

  String write(ObjectNode message) {
    return json.writeValueAsString(message);
  }
}
