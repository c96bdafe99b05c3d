package dev.atelier.codeintel.internal.retrieval;

import dev.atelier.codeintel.SemanticSearch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A result file's best places: its definitions whose names (twice as much) or signatures and docs
 * hold query terms, the embedded chunks closest to the query, else the line holding most terms.
 */
final class Anchors {

  private Anchors() {}

  static List<SemanticSearch.Anchor> of(
      Retriever.Ranking ranking, int file, String[] lines, int max, int snippetLines) {
    FileIndex index = ranking.index();
    Set<String> terms = new HashSet<>(ranking.terms());
    List<Candidate> candidates = new ArrayList<>();
    int from = index.symbolStart[file];
    int to = index.symbolStart[file + 1];
    double[] scores = new double[to - from];
    for (String term : terms) {
      double idf = LexicalRanker.idf(index, term);
      int[] named = index.symbolPostings.get(term);
      if (named != null) {
        // Postings are in symbol order: the file's symbols are one run of them.
        int at = Arrays.binarySearch(named, from);
        for (int i = at < 0 ? -at - 1 : at; i < named.length && named[i] < to; i++) {
          scores[named[i] - from] += 2 * idf;
        }
      }
      for (int s = from; s < to; s++) {
        if (index.symbolTexts[s].contains(term)) {
          scores[s - from] += idf;
        }
      }
    }
    for (int s = from; s < to; s++) {
      double score = scores[s - from];
      if (score > 0) {
        candidates.add(
            new Candidate(
                score * LexicalRanker.kindWeight(index.symbolKinds[s]),
                s,
                index.symbolLines[s],
                Math.max(index.symbolLines[s], index.symbolEndLines[s]),
                "symbol"));
      }
    }
    candidates.sort((a, b) -> Double.compare(b.score(), a.score()));
    List<Candidate> chosen =
        new ArrayList<>(candidates.subList(0, Math.min(max, candidates.size())));
    for (ChunkSpan span : ranking.spans().getOrDefault(file, List.of())) {
      if (chosen.size() >= max + 1) {
        break;
      }
      boolean covered =
          chosen.stream().anyMatch(c -> c.line() >= span.startLine() && c.line() <= span.endLine());
      if (!covered) {
        chosen.add(
            new Candidate(
                span.score(),
                symbolAt(index, file, span.startLine()),
                span.startLine(),
                span.endLine(),
                "vector"));
      }
    }
    if (chosen.isEmpty()) {
      int best = bestLine(lines, terms);
      if (best > 0) {
        chosen.add(new Candidate(0, -1, best, best, "text"));
      }
    }
    List<SemanticSearch.Anchor> anchors = new ArrayList<>();
    for (Candidate c : chosen.subList(0, Math.min(max, chosen.size()))) {
      anchors.add(
          new SemanticSearch.Anchor(
              c.line(),
              c.endLine(),
              c.symbol() >= 0 ? index.symbolNames[c.symbol()] : null,
              c.symbol() >= 0 ? index.symbolKinds[c.symbol()] : null,
              snippet(lines, c.line(), snippetLines),
              c.reason()));
    }
    return anchors;
  }

  /** The innermost definition of the file starting at or covering a line, or -1. */
  static int symbolAt(FileIndex index, int file, int line) {
    int found = -1;
    for (int s = index.symbolStart[file]; s < index.symbolStart[file + 1]; s++) {
      if (index.symbolLines[s] <= line + 2 && index.symbolEndLines[s] >= line) {
        found = s;
      }
    }
    return found;
  }

  /** Up to {@code count} telling lines from {@code line}, shortened, joined by " | ". */
  static String snippet(String[] lines, int line, int count) {
    StringBuilder out = new StringBuilder();
    int taken = 0;
    for (int i = Math.max(0, line - 1); i < lines.length && taken < count; i++) {
      // Blank lines and bare punctuation (braces, opening quotes) say nothing.
      if (lines[i].strip().length() < 4 && i != line - 1) {
        continue;
      }
      if (taken > 0) {
        out.append(" | ");
      }
      out.append(Retriever.shorten(lines[i]));
      taken++;
    }
    return out.toString();
  }

  private static int bestLine(String[] lines, Set<String> terms) {
    int best = 0;
    int bestCount = 0;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].length() > 1000) {
        continue;
      }
      int count = (int) Terms.of(lines[i]).stream().distinct().filter(terms::contains).count();
      if (count > bestCount) {
        bestCount = count;
        best = i + 1;
      }
    }
    return best;
  }

  private record Candidate(double score, int symbol, int line, int endLine, String reason) {}
}
