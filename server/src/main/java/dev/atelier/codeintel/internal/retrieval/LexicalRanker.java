package dev.atelier.codeintel.internal.retrieval;

import dev.atelier.codeintel.SymbolKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The two rankers that need no vectors: BM25F over files, and symbol-name matches. */
final class LexicalRanker {

  private LexicalRanker() {}

  /** A file or symbol and its score. */
  record Scored(int id, double score) {}

  /** Inverse document frequency over the files (BM25's, never negative). */
  static double idf(FileIndex index, String term) {
    FileIndex.Postings postings = index.postings.get(term);
    int df = postings == null ? 0 : postings.files().length;
    int n = index.fileCount();
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Files by BM25F over the terms, best first. */
  static List<Scored> bm25(FileIndex index, List<String> terms, int limit) {
    return bm25(index, terms, limit, FileIndex.K1);
  }

  /** As above with term-frequency saturation {@code k1}: lower rewards matching more terms. */
  static List<Scored> bm25(FileIndex index, List<String> terms, int limit, double k1) {
    double[] scores = new double[index.fileCount()];
    for (String term : terms) {
      FileIndex.Postings postings = index.postings.get(term);
      if (postings == null) {
        continue;
      }
      double idf = idf(index, term);
      int[] files = postings.files();
      float[] weights = postings.weights();
      for (int i = 0; i < files.length; i++) {
        scores[files[i]] += idf * weights[i] / (k1 + weights[i]);
      }
    }
    return top(scores, limit);
  }

  /**
   * Symbols whose names hold query terms: the idf of the terms matched, scaled by how much of the
   * name they cover (PasswordHasher covered by "password hasher" beats
   * PasswordResetTokenGenerator), with fields and variables below types and functions.
   */
  static List<Scored> symbols(FileIndex index, List<String> terms, int limit) {
    double[] matched = new double[index.symbolCount()];
    int[] words = new int[index.symbolCount()];
    Set<Integer> touched = new HashSet<>();
    for (String term : terms) {
      int[] symbols = index.symbolPostings.get(term);
      if (symbols == null) {
        continue;
      }
      double idf = idf(index, term);
      for (int s : symbols) {
        matched[s] += idf;
        words[s]++;
        touched.add(s);
      }
    }
    double[] scores = new double[index.symbolCount()];
    for (int s : touched) {
      double coverage = Math.min(1.0, (double) words[s] / index.symbolWordCounts[s]);
      scores[s] = matched[s] * (0.5 + 0.5 * coverage) * kindWeight(index.symbolKinds[s]);
    }
    return top(scores, limit);
  }

  /** Files in the order of their best symbol. */
  static List<Integer> filesOf(FileIndex index, List<Scored> symbols, int limit) {
    List<Integer> files = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (Scored symbol : symbols) {
      int file = index.symbolFiles[symbol.id()];
      if (seen.add(file)) {
        files.add(file);
        if (files.size() == limit) {
          break;
        }
      }
    }
    return files;
  }

  static double kindWeight(SymbolKind kind) {
    return switch (kind) {
      case FIELD, VARIABLE, CONSTANT, ENUM_MEMBER, PROPERTY -> 0.6;
      default -> 1.0;
    };
  }

  /** The {@code limit} highest positive scores, best first (ties: lower id first). */
  static List<Scored> top(double[] scores, int limit) {
    int count = 0;
    for (double s : scores) {
      if (s > 0) {
        count++;
      }
    }
    Scored[] all = new Scored[count];
    int i = 0;
    for (int id = 0; id < scores.length; id++) {
      if (scores[id] > 0) {
        all[i++] = new Scored(id, scores[id]);
      }
    }
    Arrays.sort(
        all,
        (a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score()) : a.id() - b.id());
    return List.of(all).subList(0, Math.min(limit, all.length));
  }
}
