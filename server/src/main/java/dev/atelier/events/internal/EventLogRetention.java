package dev.atelier.events.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the replay log bounded: events older than {@code atelier.events.replay-window} (24 h) and
 * beyond the newest {@code atelier.events.replay-max} (100,000) go, once a minute. Every node runs
 * it; pruning twice is harmless.
 */
@Component
class EventLogRetention implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EventLogRetention.class);

  private final EventLog eventLog;
  private final Duration window;
  private final int keep;
  private final Clock clock = Clock.systemUTC();
  private @Nullable ScheduledExecutorService timer;

  EventLogRetention(
      EventLog eventLog,
      @Value("${atelier.events.replay-window:24h}") Duration window,
      @Value("${atelier.events.replay-max:100000}") int keep) {
    this.eventLog = eventLog;
    this.window = window;
    this.keep = keep;
  }

  int prune() {
    int pruned = eventLog.prune(clock.instant().minus(window), keep);
    if (pruned > 0) {
      log.debug("event log: pruned {} events", pruned);
    }
    return pruned;
  }

  @Override
  public void start() {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("event-log-retention").factory());
    executor.scheduleWithFixedDelay(
        () -> {
          try {
            prune();
          } catch (RuntimeException e) {
            log.warn("event log pruning failed; the next run tries again: {}", e.toString());
          }
        },
        1,
        60,
        TimeUnit.SECONDS);
    timer = executor;
  }

  @Override
  public void stop() {
    ScheduledExecutorService executor = timer;
    if (executor != null) {
      executor.shutdownNow();
      timer = null;
    }
  }

  @Override
  public boolean isRunning() {
    return timer != null;
  }
}
