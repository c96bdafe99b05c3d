package dev.atelier.chat.internal.web;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/** Lets one call per key through per interval (on this node); the rest are told no. */
final class Throttle {

  private static final int MAX_KEYS = 10_000;

  private final long intervalNanos;
  private final ConcurrentHashMap<String, Long> lastAdmitted = new ConcurrentHashMap<>();

  Throttle(Duration interval) {
    this.intervalNanos = interval.toNanos();
  }

  boolean admit(String key) {
    long now = System.nanoTime();
    if (lastAdmitted.size() > MAX_KEYS) {
      lastAdmitted.values().removeIf(at -> now - at >= intervalNanos);
    }
    boolean[] admitted = {false};
    lastAdmitted.compute(
        key,
        (k, at) -> {
          if (at == null || now - at >= intervalNanos) {
            admitted[0] = true;
            return now;
          }
          return at;
        });
    return admitted[0];
  }
}
