package dev.atelier.codeintel.internal.search;

import dev.atelier.codeintel.TextSort;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * The ranking step: orders a search's matching lines for paging. Relevance ranks whole files, so a
 * file's lines stay together in line order, as a reader expects: code before tests, test data and
 * vendored copies; then files where a match names a definition (where a thing is declared is what a
 * searcher most often wants); then by path. Path order is path, then line.
 */
final class MatchRanker {

  private MatchRanker() {}

  /**
   * @param lines the found lines, grouped by file in path order and by line within a file
   * @param definitions which of {@code lines} name a definition
   */
  static RankedMatches rank(
      List<MatchedFile> files,
      List<FoundLine> lines,
      BitSet definitions,
      int total,
      int candidates,
      TextSort sort) {
    Integer[] order = new Integer[lines.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    boolean[] fileHasDefinition = new boolean[files.size()];
    for (int i = definitions.nextSetBit(0); i >= 0; i = definitions.nextSetBit(i + 1)) {
      fileHasDefinition[lines.get(i).file()] = true;
    }
    Comparator<Integer> byPath =
        Comparator.<Integer, String>comparing(i -> files.get(lines.get(i).file()).path())
            .thenComparingInt(i -> lines.get(i).line());
    Comparator<Integer> comparator =
        switch (sort) {
          case PATH -> byPath;
          case RELEVANCE ->
              Comparator.<Integer>comparingInt(i -> files.get(lines.get(i).file()).test() ? 1 : 0)
                  .thenComparingInt(i -> fileHasDefinition[lines.get(i).file()] ? 0 : 1)
                  .thenComparing(byPath);
        };
    java.util.Arrays.sort(order, comparator);
    List<FoundLine> ranked = new ArrayList<>(order.length);
    BitSet rankedDefinitions = new BitSet(order.length);
    for (int i = 0; i < order.length; i++) {
      ranked.add(lines.get(order[i]));
      if (definitions.get(order[i])) {
        rankedDefinitions.set(i);
      }
    }
    return new RankedMatches(files, ranked, rankedDefinitions, total, candidates);
  }
}
