package dev.atelier.memory.internal;

import dev.atelier.memory.Learning;
import dev.atelier.memory.LearningScope;
import dev.atelier.memory.RecallQuery;
import dev.atelier.memory.RecalledLearning;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks a repository's learnings for a query. Text: BM25 over the words of content and tags (tags
 * count twice), normalised by the best score. Scope: a file scope naming a given file is 1, a
 * folder above it 0.5 to 0.8 (deeper is closer), the repository 0.25. Both together weigh text 0.6
 * and scope 0.4; the result is multiplied by confidence. Learnings runs in the JVM because a
 * repository holds hundreds or thousands of learnings, not millions, and both dialects get the same
 * ranking.
 */
public final class RecallRanker {

  private static final double K1 = 1.2;
  private static final double B = 0.75;
  private static final double REPO_SCOPE = 0.25;

  private RecallRanker() {}

  public static List<RecalledLearning> rank(List<Learning> learnings, RecallQuery query) {
    Set<String> terms = new LinkedHashSet<>(Words.of(query.text()));
    boolean byText = !query.text().isEmpty();
    boolean byFiles = !query.files().isEmpty();
    double[] text = byText ? bm25(learnings, terms) : new double[learnings.size()];
    List<RecalledLearning> out = new ArrayList<>();
    for (int i = 0; i < learnings.size(); i++) {
      Learning learning = learnings.get(i);
      double scope = byFiles ? scopeMatch(learning.scope(), query.files()) : 0;
      double relevance;
      if (byText && byFiles) {
        // a repository-wide learning needs matching words; a closer scope is relevant by itself
        if (text[i] == 0 && scope <= REPO_SCOPE) {
          continue;
        }
        relevance = 0.6 * text[i] + 0.4 * scope;
      } else {
        relevance = byText ? text[i] : scope;
      }
      if (relevance <= 0) {
        continue;
      }
      out.add(new RecalledLearning(learning, relevance * learning.confidence(), text[i], scope));
    }
    out.sort(
        Comparator.comparingDouble(RecalledLearning::score)
            .reversed()
            .thenComparing(r -> -r.learning().id()));
    return List.copyOf(out.subList(0, Math.min(query.limit(), out.size())));
  }

  static double scopeMatch(LearningScope scope, List<String> files) {
    double best = 0;
    for (String file : files) {
      double match =
          switch (scope.level()) {
            case REPO -> REPO_SCOPE;
            case FILE -> scope.path().equals(file) ? 1 : 0;
            case FOLDER -> {
              if (!scope.covers(file)) {
                yield 0;
              }
              double folderDepth = scope.path().split("/").length;
              double fileDepth = file.split("/").length - 1;
              yield 0.5 + 0.3 * Math.min(1, folderDepth / Math.max(1, fileDepth));
            }
          };
      best = Math.max(best, match);
    }
    return best;
  }

  private static double[] bm25(List<Learning> learnings, Set<String> terms) {
    int n = learnings.size();
    double[] scores = new double[n];
    if (terms.isEmpty() || n == 0) {
      return scores;
    }
    List<Map<String, Integer>> counts = new ArrayList<>(n);
    Map<String, Integer> documentFrequency = new HashMap<>();
    long totalLength = 0;
    for (Learning learning : learnings) {
      Map<String, Integer> tf = new HashMap<>();
      List<String> words = new ArrayList<>(Words.of(learning.content()));
      for (String tag : learning.tags()) {
        List<String> tagWords = Words.of(tag);
        words.addAll(tagWords);
        words.addAll(tagWords);
      }
      words.forEach(w -> tf.merge(w, 1, Integer::sum));
      tf.keySet().forEach(w -> documentFrequency.merge(w, 1, Integer::sum));
      counts.add(tf);
      totalLength += words.size();
    }
    double averageLength = Math.max(1, (double) totalLength / n);
    double best = 0;
    for (int i = 0; i < n; i++) {
      Map<String, Integer> tf = counts.get(i);
      int length = tf.values().stream().mapToInt(Integer::intValue).sum();
      double score = 0;
      for (String term : terms) {
        Integer f = tf.get(term);
        if (f == null) {
          continue;
        }
        int df = documentFrequency.getOrDefault(term, 1);
        double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        score += idf * f * (K1 + 1) / (f + K1 * (1 - B + B * length / averageLength));
      }
      scores[i] = score;
      best = Math.max(best, score);
    }
    if (best > 0) {
      for (int i = 0; i < n; i++) {
        scores[i] /= best;
      }
    }
    return scores;
  }
}
