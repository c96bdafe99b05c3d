package dev.atelier.events.internal.web;

import dev.atelier.events.Event;
import dev.atelier.events.EventBus;
import dev.atelier.events.EventTopics;
import dev.atelier.events.EventsError;
import dev.atelier.events.TopicAccess;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/events?topic=repo:42&topic=...}: server-sent events of one or more topics.
 *
 * <p>Each event has an id, its type as the SSE event name, and a JSON envelope as data ({@code id,
 * topic, type, at, payload}). A client that reconnects with {@code Last-Event-ID} (or {@code
 * lastEventId=}) first gets the buffered events it missed. A comment line goes out every heartbeat
 * period so proxies keep the stream open and dead clients are noticed. A subscriber that falls far
 * behind is disconnected; it reconnects and replays.
 */
@RestController
class EventsController implements SmartLifecycle {

  /** Events waiting for one slow subscriber before it is cut off. */
  static final int QUEUE = 1024;

  private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

  private final EventBus bus;
  private final Map<String, List<TopicAccess>> access;
  private final JsonMapper json;
  private final Duration heartbeat;
  private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
  private volatile boolean running;

  EventsController(
      EventBus bus,
      List<TopicAccess> access,
      JsonMapper json,
      @Value("${atelier.events.heartbeat:15s}") Duration heartbeat) {
    this.bus = bus;
    this.access = access.stream().collect(Collectors.groupingBy(TopicAccess::kind));
    this.json = json;
    this.heartbeat = heartbeat;
  }

  @Operation(
      summary = "Stream events of topics as server-sent events",
      description =
          "Topics look like repo:42 (index.progress, index.completed, index.failed of that"
              + " repository). Reconnect with Last-Event-ID to replay what was missed.")
  @GetMapping(path = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter events(
      @Parameter(description = "One or more topics (repeat or comma-separate)")
          @RequestParam(name = "topic", required = false)
          @Nullable List<String> topics,
      @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventHeader,
      @RequestParam(name = "lastEventId", required = false) @Nullable String lastEventParam)
      throws IOException {
    List<String> wanted = new ArrayList<>();
    if (topics != null) {
      for (String topic : topics) {
        for (String part : topic.split(",", -1)) {
          if (!part.isBlank()) {
            wanted.add(part.strip());
          }
        }
      }
    }
    Caller caller = Caller.current();
    for (String topic : wanted) {
      requireReadable(caller, topic);
    }
    Long afterId = lastEventId(lastEventHeader != null ? lastEventHeader : lastEventParam);
    SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
    Stream stream = new Stream(emitter);
    // Subscribing validates the topics and applies the cap, before anything is sent.
    stream.subscription = bus.subscribe(wanted, afterId, stream::offer);
    streams.add(stream);
    emitter.onCompletion(stream::stop);
    emitter.onTimeout(stream::stop);
    emitter.onError(e -> stream.stop());
    emitter.send(SseEmitter.event().reconnectTime(3000).comment("subscribed"));
    Thread.ofVirtual().name("atelier-sse").start(stream::pump);
    return emitter;
  }

  // A topic of another org is not found, the same answer as one that does not exist.
  private void requireReadable(Caller caller, String topic) {
    EventTopics.require(topic);
    int colon = topic.indexOf(':');
    String key = topic.substring(colon + 1);
    if (access.getOrDefault(topic.substring(0, colon), List.of()).stream()
        .noneMatch(owner -> owner.mayRead(caller.orgId(), caller.userId(), key))) {
      throw new AtelierException(EventsError.TOPIC_NOT_FOUND, "no topic " + topic);
    }
  }

  private static @Nullable Long lastEventId(@Nullable String value) {
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

  /** One SSE connection: a bounded queue filled by the bus and drained by a virtual thread. */
  private final class Stream {
    private final SseEmitter emitter;
    private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(QUEUE);
    private volatile EventBus.@Nullable Subscription subscription;
    private volatile boolean stopped;

    Stream(SseEmitter emitter) {
      this.emitter = emitter;
    }

    void offer(Event event) {
      if (!queue.offer(event) && !stopped) {
        // Too slow: end the stream; the client reconnects with Last-Event-ID and replays.
        stop();
        emitter.complete();
      }
    }

    void pump() {
      try {
        while (!stopped) {
          Event event = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
          if (stopped) {
            break;
          }
          if (event == null) {
            emitter.send(SseEmitter.event().comment("heartbeat"));
          } else {
            emitter.send(
                SseEmitter.event()
                    .id(Long.toString(event.id()))
                    .name(event.type())
                    .data(envelope(event), MediaType.TEXT_PLAIN));
          }
        }
      } catch (IOException | IllegalStateException e) {
        // The client went away or the stream was completed.
        stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop();
      }
    }

    void stop() {
      stopped = true;
      EventBus.Subscription current = subscription;
      if (current != null) {
        current.close();
      }
      streams.remove(this);
    }
  }

  private String envelope(Event event) {
    ObjectNode envelope = json.createObjectNode();
    envelope.put("id", event.id());
    envelope.put("topic", event.topic());
    envelope.put("type", event.type());
    envelope.put("at", event.at().toString());
    envelope.set("payload", json.readTree(event.payloadJson()));
    return json.writeValueAsString(envelope);
  }

  /** Open streams on this node. */
  int openStreams() {
    return streams.size();
  }

  @Override
  public void start() {
    running = true;
  }

  /** Ends every stream before the web server's graceful shutdown waits for open requests. */
  @Override
  public void stop() {
    running = false;
    for (Stream stream : List.copyOf(streams)) {
      stream.stop();
      try {
        stream.emitter.complete();
      } catch (RuntimeException e) {
        // already completed
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
