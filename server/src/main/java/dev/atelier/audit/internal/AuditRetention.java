package dev.atelier.audit.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Keeps the audit trail for {@code atelier.audit.retention} (default 365 days; 0 keeps it forever):
 * on start and every six hours, older entries are purged. Nodes may purge at the same time; the
 * second finds nothing left.
 */
@Component
class AuditRetention implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);
  private static final Duration EVERY = Duration.ofHours(6);

  private final AuditTrail trail;
  private final Duration retention;
  private final Clock clock = Clock.systemUTC();
  private @Nullable ScheduledExecutorService timer;

  AuditRetention(AuditTrail trail, Environment environment) {
    this.trail = trail;
    this.retention =
        Binder.get(environment)
            .bind("atelier.audit.retention", Duration.class)
            .orElse(Duration.ofDays(365));
  }

  /** Purges what is older than the retention now; answers how many entries went. */
  int purge() {
    if (retention.isZero() || retention.isNegative()) {
      return 0;
    }
    int purged = trail.purgeOlderThan(clock.instant().minus(retention));
    if (purged > 0) {
      log.info("audit retention: purged {} entries older than {}", purged, retention);
    }
    return purged;
  }

  @Override
  public void start() {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("audit-retention").factory());
    executor.scheduleWithFixedDelay(
        () -> {
          try {
            purge();
          } catch (RuntimeException e) {
            log.warn("audit retention purge failed; the next run tries again", e);
          }
        },
        0,
        EVERY.toMinutes(),
        TimeUnit.MINUTES);
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
