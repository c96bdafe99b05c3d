package dev.atelier.codeintel.internal.search;

import java.util.BitSet;
import java.util.List;

/**
 * Every matching line of one search over one manifest, in the order pages are cut from. Manifests
 * never change once written, so the list stays true for as long as its manifest is current.
 *
 * @param files the matched files, indexed by {@link FoundLine#file()}
 * @param lines the matching lines in ranked order (at most {@link TextSearcher#MAX_HELD_LINES})
 * @param definitions which of {@code lines} name a symbol defined on that line
 * @param total every matching line, counted even beyond what is held
 * @param candidates files the index offered before the exact check
 */
record RankedMatches(
    List<MatchedFile> files, List<FoundLine> lines, BitSet definitions, int total, int candidates) {

  RankedMatches {
    files = List.copyOf(files);
    lines = List.copyOf(lines);
  }

  static RankedMatches empty() {
    return new RankedMatches(List.of(), List.of(), new BitSet(), 0, 0);
  }
}
