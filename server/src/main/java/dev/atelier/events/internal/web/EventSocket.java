package dev.atelier.events.internal.web;

import dev.atelier.events.EventBus;
import dev.atelier.events.EventsError;
import dev.atelier.events.internal.Presence;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Caller;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/ws}: the same events as SSE over one WebSocket, with topics added and dropped on the
 * way. The client sends {@code {"type":"subscribe","topics":[...],"lastEventId":N}}, {@code
 * {"type":"unsubscribe","topics":[...]}} or {@code {"type":"ping"}}; the server answers {@code
 * subscribed}, {@code unsubscribed}, {@code pong}, an {@code error} with a problem's {@code
 * status}, {@code code} and {@code detail}, a heartbeat every 15 s, and the events as SSE's
 * envelopes. The handshake went through the one authentication chain; the caller it found travels
 * in the session.
 */
@Component
class EventSocket extends TextWebSocketHandler implements SmartLifecycle {

  static final String CALLER = "atelier.caller";

  /** Topics one connection may hold at once. */
  static final int MAX_TOPICS = 64;

  private static final Logger log = LoggerFactory.getLogger(EventSocket.class);
  private static final int SEND_BUFFER = 1 << 20;
  private static final Duration SEND_TIME = Duration.ofSeconds(10);

  private final EventBus bus;
  private final TopicGuard guard;
  private final Envelopes envelopes;
  private final Presence presence;
  private final JsonMapper json;
  private final Duration heartbeat;
  private final Map<String, Connection> connections = new ConcurrentHashMap<>();
  private @Nullable ScheduledExecutorService timer;

  EventSocket(
      EventBus bus,
      TopicGuard guard,
      Envelopes envelopes,
      Presence presence,
      JsonMapper json,
      @Value("${atelier.events.heartbeat:15s}") Duration heartbeat) {
    this.bus = bus;
    this.guard = guard;
    this.envelopes = envelopes;
    this.presence = presence;
    this.json = json;
    this.heartbeat = heartbeat;
  }

  /** One open socket: its caller, its topics' subscriptions, its presence. */
  private final class Connection {
    final Caller caller;
    final WebSocketSession session;
    final Map<String, EventBus.Subscription> topics = new HashMap<>(); // guarded by this
    final AutoCloseable online;

    Connection(Caller caller, WebSocketSession session) {
      this.caller = caller;
      this.session =
          new ConcurrentWebSocketSessionDecorator(
              session,
              (int) SEND_TIME.toMillis(),
              SEND_BUFFER,
              ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
      this.online = presence.opened(caller.orgId(), caller.userId());
    }

    void send(String text) {
      try {
        session.sendMessage(new TextMessage(text));
      } catch (IOException | IllegalStateException e) {
        // Too slow or gone: the decorator closed it; the client reconnects and replays.
        close(CloseStatus.SESSION_NOT_RELIABLE);
      }
    }

    synchronized void close(CloseStatus status) {
      topics.values().forEach(EventBus.Subscription::close);
      topics.clear();
      try {
        online.close();
        if (session.isOpen()) {
          session.close(status);
        }
      } catch (Exception e) {
        // already closed
      }
      connections.remove(session.getId());
    }
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession session) {
    Object caller = session.getAttributes().get(CALLER);
    if (!(caller instanceof Caller known)) {
      closeQuietly(session, CloseStatus.POLICY_VIOLATION);
      return;
    }
    connections.put(session.getId(), new Connection(known, session));
  }

  @Override
  protected void handleTextMessage(WebSocketSession session, TextMessage message) {
    Connection connection = connections.get(session.getId());
    if (connection == null) {
      return;
    }
    String type = "";
    try {
      JsonNode request = json.readTree(message.getPayload());
      type = request.path("type").asString("");
      switch (type) {
        case "subscribe" -> subscribe(connection, request);
        case "unsubscribe" -> unsubscribe(connection, request);
        case "ping" -> connection.send(envelopes.write(envelopes.control("pong")));
        default ->
            throw new AtelierException(
                EventsError.INVALID_MESSAGE,
                "unknown message type '"
                    + type.replaceAll("\\p{Cntrl}", "?")
                    + "'; send subscribe, unsubscribe or ping");
      }
    } catch (AtelierException e) {
      connection.send(error(type, e));
    } catch (JacksonException e) {
      connection.send(
          error(type, new AtelierException(EventsError.INVALID_MESSAGE, "not a JSON message")));
    }
  }

  private void subscribe(Connection connection, JsonNode request) {
    List<String> wanted = topics(request);
    guard.requireReadable(connection.caller, wanted);
    Long afterId = null;
    JsonNode last = request.path("lastEventId");
    if (!last.isMissingNode() && !last.isNull()) {
      afterId = TopicGuard.lastEventId(last.asString(""));
    }
    synchronized (connection) {
      List<String> fresh = wanted.stream().filter(t -> !connection.topics.containsKey(t)).toList();
      if (connection.topics.size() + fresh.size() > MAX_TOPICS) {
        throw new AtelierException(
            EventsError.TOO_MANY_TOPICS, "one connection holds at most " + MAX_TOPICS + " topics");
      }
      ObjectNode answer = envelopes.control("subscribed");
      answer.set("topics", json.valueToTree(wanted));
      connection.send(envelopes.write(answer));
      for (String topic : fresh) {
        connection.topics.put(
            topic,
            bus.subscribe(
                connection.caller.orgId(),
                List.of(topic),
                afterId,
                event -> connection.send(envelopes.of(event))));
      }
    }
  }

  private void unsubscribe(Connection connection, JsonNode request) {
    List<String> dropped = topics(request);
    synchronized (connection) {
      for (String topic : dropped) {
        EventBus.Subscription subscription = connection.topics.remove(topic);
        if (subscription != null) {
          subscription.close();
        }
      }
    }
    ObjectNode answer = envelopes.control("unsubscribed");
    answer.set("topics", json.valueToTree(dropped));
    connection.send(envelopes.write(answer));
  }

  private List<String> topics(JsonNode request) {
    JsonNode node = request.path("topics");
    if (!node.isArray() || node.isEmpty()) {
      throw new AtelierException(
          EventsError.INVALID_TOPIC, "name the topics as an array, e.g. \"topics\":[\"repo:42\"]");
    }
    List<String> topics = new ArrayList<>();
    node.forEach(topic -> topics.add(topic.asString("")));
    return topics;
  }

  private String error(String request, AtelierException e) {
    ObjectNode answer = envelopes.control("error");
    answer.put("request", request);
    answer.put("status", e.errorCode().httpStatus());
    answer.put("code", e.errorCode().code());
    answer.put("detail", e.getMessage());
    return envelopes.write(answer);
  }

  @Override
  public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
    Connection connection = connections.get(session.getId());
    if (connection != null) {
      connection.close(status);
    }
  }

  @Override
  public void handleTransportError(WebSocketSession session, Throwable exception) {
    afterConnectionClosed(session, CloseStatus.SERVER_ERROR);
  }

  // Every connection: a heartbeat, and its topics checked again (a member removed meanwhile).
  private void beat() {
    String beat = envelopes.heartbeat();
    for (Connection connection : List.copyOf(connections.values())) {
      try {
        Set<String> held;
        synchronized (connection) {
          held = Set.copyOf(connection.topics.keySet());
        }
        if (!guard.stillReadable(connection.caller, held)) {
          connection.close(CloseStatus.POLICY_VIOLATION.withReason("no longer allowed to read"));
          continue;
        }
        connection.send(beat);
      } catch (RuntimeException e) {
        log.warn("event socket heartbeat failed: {}", e.toString());
      }
    }
  }

  private static void closeQuietly(WebSocketSession session, CloseStatus status) {
    try {
      session.close(status);
    } catch (IOException e) {
      // gone already
    }
  }

  int openConnections() {
    return connections.size();
  }

  @Override
  public void start() {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("event-socket-heartbeat").factory());
    executor.scheduleWithFixedDelay(
        this::beat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    timer = executor;
  }

  @Override
  public void stop() {
    ScheduledExecutorService executor = timer;
    if (executor != null) {
      executor.shutdownNow();
      timer = null;
    }
    for (Connection connection : List.copyOf(connections.values())) {
      connection.close(CloseStatus.GOING_AWAY);
    }
  }

  @Override
  public boolean isRunning() {
    return timer != null;
  }
}
