package dev.atelier.testing;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** A minimal real server-sent-events client for tests: parses events and comment lines. */
public final class SseClient implements AutoCloseable {

  /** One received event (or, with {@code comment} set, a comment line). */
  public record Received(
      @Nullable String id,
      @Nullable String event,
      @Nullable String data,
      @Nullable String comment) {}

  private final HttpClient client = HttpClient.newHttpClient();
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final HttpResponse<Stream<String>> response;
  private final CompletableFuture<Void> reader;

  public SseClient(Http http, String path, @Nullable String lastEventId) throws Exception {
    HttpRequest.Builder request = http.request(path).header("Accept", "text/event-stream").GET();
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    response =
        client
            .sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
            .get(10, TimeUnit.SECONDS);
    reader = CompletableFuture.runAsync(this::read);
  }

  public int status() {
    return response.statusCode();
  }

  private void read() {
    List<String> lines = new ArrayList<>();
    try (Stream<String> body = response.body()) {
      body.forEach(line -> {
        if (line.isEmpty()) {
          Received event = lines.isEmpty() ? null : parse(lines);
          if (event != null && (event.id() != null || event.data() != null)) {
            received.add(event);
          }
          if (!lines.isEmpty()) {
            lines.clear();
          }
        } else if (line.startsWith(":")) {
          received.add(new Received(null, null, null, line.substring(1).strip()));
        } else {
          lines.add(line);
        }
      });
    } catch (RuntimeException e) {
      // closed
    }
  }

  private static Received parse(List<String> lines) {
    String id = null;
    String event = null;
    StringBuilder data = null;
    for (String line : lines) {
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      switch (field) {
        case "id" -> id = value;
        case "event" -> event = value;
        case "data" ->
            data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        default -> {}
      }
    }
    return new Received(id, event, data == null ? null : data.toString(), null);
  }

  /** The next event (skipping comments and heartbeats), or null after the timeout. */
  public @Nullable Received nextEvent(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Received next = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (next == null || (next.comment() == null && !"heartbeat".equals(next.event()))) {
        return next;
      }
    }
  }

  /** The next heartbeat event, or null after the timeout. */
  public @Nullable Received nextHeartbeat(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Received next = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (next == null || "heartbeat".equals(next.event())) {
        return next;
      }
    }
  }

  /** The next comment line, or null after the timeout. */
  public @Nullable String nextComment(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Received next = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (next == null) {
        return null;
      }
      if (next.comment() != null) {
        return next.comment();
      }
    }
  }

  @Override
  public void close() {
    reader.cancel(true);
    client.shutdownNow();
  }
}
