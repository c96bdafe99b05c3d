package dev.atelier.codeintel.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.platform.AtelierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class RegexGateTest {

  @Test
  void refusesASearchBeyondTheBoundWithABusyProblemAndAdmitsItOnceOneEnds() throws Exception {
    RegexGate gate = new RegexGate(1, 50);
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> first =
        CompletableFuture.supplyAsync(() ->
            gate.run(() -> {
              running.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return "first";
            }));
    running.await();

    assertThatThrownBy(() -> gate.run(() -> "second"))
        .isInstanceOf(AtelierException.class)
        .hasMessageContaining("too many regular-expression searches");

    release.countDown();
    assertThat(first.get()).isEqualTo("first");
    assertThat(gate.run(() -> "third")).isEqualTo("third");
  }

  @Test
  void aFailingSearchGivesItsTurnBack() {
    RegexGate gate = new RegexGate(1, 50);

    assertThatThrownBy(() ->
            gate.run(() -> {
              throw new IllegalStateException("boom");
            }))
        .hasMessage("boom");
    assertThat(gate.run(() -> "next")).isEqualTo("next");
  }
}
