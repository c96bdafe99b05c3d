package dev.atelier.mcp;

import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Counts JSON-RPC requests read and responses written, to wait for the last answers. */
final class InFlight {

  private long requests;
  private long responses;

  synchronized void read(JsonMapper json, String line) {
    JsonNode message = parse(json, line);
    if (message != null && message.has("id") && message.has("method")) {
      requests++;
    }
  }

  synchronized void written(JsonMapper json, String line) {
    JsonNode message = parse(json, line);
    if (message != null
        && message.has("id")
        && !message.has("method")
        && (message.has("result") || message.has("error"))) {
      responses++;
      notifyAll();
    }
  }

  /** Waits until every request read has its response, or the grace period ends. */
  synchronized void awaitAnswered(Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    while (responses < requests) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static @org.jspecify.annotations.Nullable JsonNode parse(JsonMapper json, String line) {
    if (line.isBlank()) {
      return null;
    }
    try {
      JsonNode node = json.readTree(line);
      return node != null && node.isObject() ? node : null;
    } catch (JacksonException e) {
      return null;
    }
  }
}
