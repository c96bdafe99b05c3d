package dev.atelier.repos.internal.web;

import dev.atelier.audit.AuditEvent;
import dev.atelier.events.EventBus;
import dev.atelier.events.EventTopics;
import dev.atelier.platform.AtelierException;
import dev.atelier.repos.ReposError;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Clones run as jobs, off the request: at most two at a time, each reported on its event topic
 * ({@code clone:ID}: {@code clone.completed} with the repository, or {@code clone.failed} with the
 * problem) and readable at {@code GET /api/clones/{id}} for the last hundred jobs. The durable job
 * queue of a later issue replaces the in-memory table; a restart forgets running clones (their
 * half-written folders are removed when they fail).
 */
@Component
class CloneJobs implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(CloneJobs.class);
  private static final int KEPT = 100;
  private static final int AT_ONCE = 2;

  /** A clone's state as the API shows it. */
  record CloneJob(
      String id,
      long orgId,
      String url,
      String state,
      @Nullable Long repositoryId,
      @Nullable String errorCode,
      @Nullable String error) {}

  private final EventBus events;
  private final ApplicationEventPublisher audit;
  private final ExecutorService workers = Executors.newFixedThreadPool(AT_ONCE);
  private final Map<String, CloneJob> jobs =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CloneJob> eldest) {
          return size() > KEPT;
        }
      };

  CloneJobs(EventBus events, ApplicationEventPublisher audit) {
    this.events = events;
    this.audit = audit;
  }

  /** Starts {@code clone} (which answers the repository id) and returns the running job. */
  CloneJob start(long orgId, String shownUrl, LongSupplier clone) {
    CloneJob job =
        new CloneJob(UUID.randomUUID().toString(), orgId, shownUrl, "running", null, null, null);
    put(job);
    try {
      workers.submit(() -> run(job, clone));
    } catch (RejectedExecutionException e) {
      throw new AtelierException(ReposError.CLONE_FAILED, "the server is shutting down");
    }
    return job;
  }

  Optional<CloneJob> find(long orgId, String id) {
    synchronized (jobs) {
      return Optional.ofNullable(jobs.get(id)).filter(job -> job.orgId() == orgId);
    }
  }

  private void run(CloneJob job, LongSupplier clone) {
    String topic = EventTopics.clone(job.id());
    try {
      long repositoryId = clone.getAsLong();
      CloneJob done =
          new CloneJob(job.id(), job.orgId(), job.url(), "completed", repositoryId, null, null);
      put(done);
      events.publish(job.orgId(), topic, "clone.completed", done);
      audit.publishEvent(
          AuditEvent.created(
              job.orgId(),
              "repository",
              Long.toString(repositoryId),
              Map.of("url", job.url(), "cloneId", job.id())));
    } catch (AtelierException e) {
      CloneJob failed =
          new CloneJob(
              job.id(),
              job.orgId(),
              job.url(),
              "failed",
              null,
              e.errorCode().code(),
              e.getMessage());
      put(failed);
      events.publish(job.orgId(), topic, "clone.failed", failed);
    } catch (RuntimeException e) {
      log.error("clone {} failed unexpectedly", job.id(), e);
      CloneJob failed =
          new CloneJob(
              job.id(), job.orgId(), job.url(), "failed", null, "internal", "the clone failed");
      put(failed);
      events.publish(job.orgId(), topic, "clone.failed", failed);
    }
  }

  private void put(CloneJob job) {
    synchronized (jobs) {
      jobs.put(job.id(), job);
    }
  }

  @Override
  public void destroy() {
    workers.shutdownNow();
  }
}
