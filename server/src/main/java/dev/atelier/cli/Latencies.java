package dev.atelier.cli;

import java.util.Arrays;

/** Wall times of repeated calls, summarised as the medians and tails a benchmark reports. */
record Latencies(int calls, int errors, double p50Millis, double p95Millis, double maxMillis) {

  static Latencies of(long[] nanos, int errors) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Latencies(
        sorted.length,
        errors,
        millis(percentile(sorted, 0.50)),
        millis(percentile(sorted, 0.95)),
        millis(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
  }

  private static long percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  }

  private static double millis(long nanos) {
    return Math.round(nanos / 10_000.0) / 100.0;
  }
}
