package dev.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RetrievalMetricsTest {

  @Test
  void aHitIsAnExpectedPathMatchedBySuffixAtASegmentBoundary() {
    List<String> results = List.of("django/utils/text.py", "django/core/paginator.py");

    assertThat(RetrievalMetrics.firstHit(results, List.of("core/paginator.py"))).isEqualTo(2);
    assertThat(RetrievalMetrics.firstHit(results, List.of("paginator.py"))).isEqualTo(2);
    assertThat(RetrievalMetrics.firstHit(results, List.of("ore/paginator.py"))).isZero();
    assertThat(RetrievalMetrics.firstHit(results, List.of("x.py", "utils/text.py"))).isEqualTo(1);
  }

  @Test
  void recallAt5CountsHitsInTheFirstFiveAndMrrAt10StopsAtTen() {
    RetrievalMetrics metrics =
        RetrievalMetrics.of(List.of(1, 2, 6, 11, 0), List.of(1.0, 2.0, 3.0, 4.0, 5.0));

    assertThat(metrics.queries()).isEqualTo(5);
    assertThat(metrics.recallAt5()).isEqualTo(2 / 5.0);
    assertThat(metrics.mrrAt10()).isCloseTo((1 + 1 / 2.0 + 1 / 6.0) / 5, within(1e-9));
  }

  @Test
  void latencyPercentilesAreNearestRank() {
    RetrievalMetrics metrics =
        RetrievalMetrics.of(
            List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1),
            List.of(10.0, 1.0, 9.0, 2.0, 8.0, 3.0, 7.0, 4.0, 6.0, 5.0));

    assertThat(metrics.p50Ms()).isEqualTo(5.0);
    assertThat(metrics.p95Ms()).isEqualTo(10.0);
  }

  @Test
  void anEmptySetScoresZero() {
    assertThat(RetrievalMetrics.of(List.of(), List.of()))
        .isEqualTo(new RetrievalMetrics(0, 0, 0, 0, 0));
  }
}
