package dev.atelier.codeintel.internal.index;

import java.util.LinkedHashMap;
import java.util.Map;

/** Wall time per phase of an index run, for summaries and benchmarks. */
public final class Phases {

  private final Map<String, Long> millis = new LinkedHashMap<>();
  private long last;

  public Phases(long startedNanos) {
    this.last = startedNanos;
  }

  /** Ends the phase running since the previous mark (or the start). */
  public void mark(String phase) {
    long now = System.nanoTime();
    millis.merge(phase, (now - last) / 1_000_000, Long::sum);
    last = now;
  }

  public Map<String, Long> millis() {
    return Map.copyOf(new LinkedHashMap<>(millis));
  }
}
