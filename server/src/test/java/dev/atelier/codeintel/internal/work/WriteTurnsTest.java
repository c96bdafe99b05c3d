package dev.atelier.codeintel.internal.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class WriteTurnsTest {

  @Test
  void aWriterThatBeginsAgainAtOnceGoesBehindAWaitingOne() throws Exception {
    WriteTurns turns = new WriteTurns();
    List<String> order = new CopyOnWriteArrayList<>();
    Thread[] waiting = new Thread[1];
    turns.run(() -> {
      order.add("batch 1");
      waiting[0] = Thread.ofPlatform().start(() -> turns.run(() -> order.add("resolver")));
      awaitParked(waiting[0]);
    });
    turns.run(() -> order.add("batch 2"));
    waiting[0].join();

    assertThat(order).containsExactly("batch 1", "resolver", "batch 2");
  }

  @Test
  void aThreadMayTakeItsTurnAgainInsideItsTurn() {
    WriteTurns turns = new WriteTurns();
    assertThat(turns.call(() -> turns.call(() -> 42))).isEqualTo(42);
  }

  private static void awaitParked(Thread thread) {
    while (thread.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }
  }
}
