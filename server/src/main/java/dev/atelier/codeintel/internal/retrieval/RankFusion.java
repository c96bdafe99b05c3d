package dev.atelier.codeintel.internal.retrieval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack et al., 2009): each list adds {@code weight / (k + rank)} to an
 * item, so items several rankers agree on rise, and no ranker's score scale has to be calibrated
 * against another's.
 */
public final class RankFusion {

  /**
   * The rank constant. The paper's 60 suits long lists whose tails still carry signal; these lists
   * are short (at most 100 candidates) and their heads carry it, so a smaller constant lets a
   * ranker's first places count more than being somewhere in several lists.
   */
  public static final int K = 10;

  private RankFusion() {}

  /** One ranked list (best first) and how much it counts. */
  public record Ranking(List<Integer> items, double weight) {}

  /** Each item's fused score. */
  public static Map<Integer, Double> fuse(List<Ranking> rankings) {
    return fuse(rankings, K);
  }

  /** Each item's fused score with rank constant {@code k}. */
  public static Map<Integer, Double> fuse(List<Ranking> rankings, int k) {
    Map<Integer, Double> scores = new HashMap<>();
    for (Ranking ranking : rankings) {
      List<Integer> items = ranking.items();
      for (int rank = 0; rank < items.size(); rank++) {
        scores.merge(items.get(rank), ranking.weight() / (k + rank + 1), Double::sum);
      }
    }
    return scores;
  }
}
