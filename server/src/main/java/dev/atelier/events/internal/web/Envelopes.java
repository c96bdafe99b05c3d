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

  String of(Event event) {
    ObjectNode envelope = json.createObjectNode();
    if (event.durable()) {
      envelope.put("id", event.id());
    } else {
      envelope.putNull("id");
    }
    envelope.put("type", event.type());
    envelope.put("orgId", event.orgId());
    envelope.put("topic", event.topic());
    envelope.set("payload", json.readTree(event.payloadJson()));
    envelope.put("ts", event.at().toString());
    return json.writeValueAsString(envelope);
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
