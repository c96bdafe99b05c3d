package dev.atelier.codeintel.internal.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SingleWorkerTest {

  @Test
  void jobsForOneKeyCoalesceWhileOneIsQueued() throws Exception {
    try (SingleWorker worker = new SingleWorker("test")) {
      CountDownLatch release = new CountDownLatch(1);
      worker.schedule(1, () -> awaitQuietly(release));
      AtomicInteger runs = new AtomicInteger();
      for (int i = 0; i < 5; i++) {
        worker.schedule(2, runs::incrementAndGet);
      }
      assertThat(worker.busy()).isTrue();
      release.countDown();
      worker.await();

      assertThat(runs).hasValue(1);
      assertThat(worker.busy()).isFalse();
    }
  }

  @Test
  void aFailingScheduledJobDoesNotStopTheWorkerAndCallsReportTheirFailure() throws Exception {
    try (SingleWorker worker = new SingleWorker("test")) {
      worker.schedule(
          1,
          () -> {
            throw new IllegalStateException("boom");
          });
      assertThat(worker.call(() -> 42)).isEqualTo(42);
      assertThatThrownBy(() ->
              worker.call(() -> {
                throw new IllegalArgumentException("bad");
              }))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("bad");
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
