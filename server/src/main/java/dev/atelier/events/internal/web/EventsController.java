package dev.atelier.events.internal.web;

import dev.atelier.events.Event;
import dev.atelier.events.EventBus;
import dev.atelier.events.internal.Presence;
import dev.atelier.platform.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/events?topic=channel:42&topic=...} (alias {@code /events}, seed 004's path):
 * server-sent events of one or more topics.
 *
 * <p>Each event has its type as the SSE event name and seed 004's envelope as data ({@code id,
 * type, orgId, topic, payload, ts}); logged events carry an SSE id. A client that reconnects with
 * {@code Last-Event-ID} (or {@code lastEventId=}) first gets what it missed from the replay log. A
 * {@code {"type":"heartbeat"}} event goes out every heartbeat period (15 s), when the caller's
 * right to read each topic is checked again. A subscriber that falls far behind is disconnected; it
 * reconnects and replays.
 */
@RestController
class EventsController implements SmartLifecycle {

  /** Events waiting for one slow subscriber before it is cut off. */
  static final int QUEUE = 1024;

  private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);
  private static final Logger log = LoggerFactory.getLogger(EventsController.class);

  private final EventBus bus;
  private final TopicGuard guard;
  private final Envelopes envelopes;
  private final Presence presence;
  private final Duration heartbeat;
  private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
  private volatile boolean running;

  EventsController(
      EventBus bus,
      TopicGuard guard,
      Envelopes envelopes,
      Presence presence,
      @Value("${atelier.events.heartbeat:15s}") Duration heartbeat) {
    this.bus = bus;
    this.guard = guard;
    this.envelopes = envelopes;
    this.presence = presence;
    this.heartbeat = heartbeat;
  }

  @Operation(
      summary = "Stream events of topics as server-sent events",
      description =
          "Topics: repo:ID (index.completed, index.failed, index.progress), channel:ID (newMessage,"
              + " messageEdited, messageDeleted, reactionAdded, typing, ...), org:ID (channelCreated,"
              + " presence), user:ID (your mentions, read markers). Reconnect with Last-Event-ID to"
              + " replay what was missed; a resync event means the log no longer reaches back.")
  @GetMapping(
      path = {"/api/events", "/events"},
      produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter events(
      @Parameter(description = "One or more topics (repeat or comma-separate)")
          @RequestParam(name = "topic", required = false)
          @Nullable List<String> topics,
      @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventHeader,
      @RequestParam(name = "lastEventId", required = false) @Nullable String lastEventParam)
      throws IOException {
    List<String> wanted = TopicGuard.split(topics);
    Caller caller = Caller.current();
    guard.requireReadable(caller, wanted);
    Long afterId =
        TopicGuard.lastEventId(lastEventHeader != null ? lastEventHeader : lastEventParam);
    SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
    Stream stream = new Stream(caller, wanted, emitter);
    // Subscribing validates the topics and applies the cap, before anything is sent.
    stream.subscription = bus.subscribe(caller.orgId(), wanted, afterId, stream::offer);
    stream.online = presence.opened(caller.orgId(), caller.userId());
    streams.add(stream);
    emitter.onCompletion(stream::stop);
    emitter.onTimeout(stream::stop);
    emitter.onError(e -> stream.stop());
    emitter.send(SseEmitter.event().reconnectTime(3000).comment("subscribed"));
    Thread.ofVirtual().name("atelier-sse").start(stream::pump);
    return emitter;
  }

  @Operation(summary = "Who in your org has an event stream open now")
  @GetMapping("/api/presence")
  Map<String, Object> presence() {
    return Map.of("online", presence.online(Caller.current().orgId()));
  }

  /** One SSE connection: a bounded queue filled by the bus and drained by a virtual thread. */
  private final class Stream {
    private final Caller caller;
    private final List<String> topics;
    private final SseEmitter emitter;
    private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>(QUEUE);
    private volatile EventBus.@Nullable Subscription subscription;
    private volatile @Nullable AutoCloseable online;
    private volatile boolean stopped;
    // The SSE id sent last: an event that arrives late from another node goes out without one, so
    // the client's Last-Event-ID never moves back and a reconnect repeats nothing.
    private long lastId;

    Stream(Caller caller, List<String> topics, SseEmitter emitter) {
      this.caller = caller;
      this.topics = topics;
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
        long nextBeat = System.nanoTime() + heartbeat.toNanos();
        while (!stopped) {
          Event event = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
          if (stopped) {
            break;
          }
          if (event != null) {
            send(event);
          }
          if (System.nanoTime() - nextBeat >= 0) {
            nextBeat = System.nanoTime() + heartbeat.toNanos();
            if (!guard.stillReadable(caller, topics)) {
              // Removed from a channel or the org: the stream ends; a reconnect is refused.
              stop();
              emitter.complete();
              break;
            }
            emitter.send(
                SseEmitter.event()
                    .name(Envelopes.HEARTBEAT)
                    .data(envelopes.heartbeat(), MediaType.TEXT_PLAIN));
          }
        }
      } catch (IOException | IllegalStateException e) {
        // The client went away or the stream was completed.
        stop();
      } catch (RuntimeException e) {
        // The re-check could not ask (a database hiccup): end the stream, the client reconnects.
        log.warn("event stream ended: {}", e.toString());
        stop();
        emitter.complete();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop();
      }
    }

    private void send(Event event) throws IOException {
      SseEmitter.SseEventBuilder builder =
          SseEmitter.event().name(event.type()).data(envelopes.of(event), MediaType.TEXT_PLAIN);
      if (event.durable() && event.id() > lastId) {
        lastId = event.id();
        builder.id(Long.toString(event.id()));
      }
      emitter.send(builder);
    }

    void stop() {
      stopped = true;
      EventBus.Subscription current = subscription;
      if (current != null) {
        current.close();
      }
      AutoCloseable presenceHandle = online;
      if (presenceHandle != null) {
        try {
          presenceHandle.close();
        } catch (Exception e) {
          // only bookkeeping
        }
      }
      streams.remove(this);
    }
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
