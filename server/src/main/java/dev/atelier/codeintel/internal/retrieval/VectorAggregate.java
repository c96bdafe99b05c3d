package dev.atelier.codeintel.internal.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Turns the chunks nearest a query into a file ranking. A file is scored by its closest chunk plus
 * a share of its other close chunks, so a file whose several functions all match the behaviour
 * asked about outranks one with a single look-alike helper. Scores count above the weakest hit
 * read, as cosines of unrelated text are far from zero.
 */
final class VectorAggregate {

  private VectorAggregate() {}

  /** Files by best chunk score + {@code share} × the sum of their other chunk scores. */
  static List<Integer> byMaxPlusSum(Map<Integer, List<ChunkSpan>> spans, double share) {
    double floor = Double.MAX_VALUE;
    for (List<ChunkSpan> list : spans.values()) {
      for (ChunkSpan span : list) {
        floor = Math.min(floor, span.score());
      }
    }
    List<Map.Entry<Integer, Double>> scored = new ArrayList<>();
    for (Map.Entry<Integer, List<ChunkSpan>> e : spans.entrySet()) {
      double max = 0;
      double sum = 0;
      for (ChunkSpan span : e.getValue()) {
        double above = span.score() - floor;
        max = Math.max(max, above);
        sum += above;
      }
      scored.add(Map.entry(e.getKey(), max + share * (sum - max)));
    }
    scored.sort(
        Map.Entry.<Integer, Double>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()));
    return scored.stream().map(Map.Entry::getKey).toList();
  }
}
