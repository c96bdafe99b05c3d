package dev.atelier.codeintel.internal.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The plain substrings every match of a regular expression must contain, for the trigram prefilter.
 * Conservative: it gives up (returns nothing, meaning "scan everything") on top-level alternation
 * and keeps only runs outside groups, classes and quantified atoms.
 */
final class RequiredLiterals {

  private static final int MIN_TRIGRAM = 3;

  private RequiredLiterals() {}

  /** Literals of at least three characters, longest first; empty if none can be proven. */
  static List<String> of(String regex) {
    List<String> literals = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < regex.length()) {
        char next = regex.charAt(++i);
        if (depth == 0 && isEscapedLiteral(next) && !quantified(regex, i + 1)) {
          run.append(next);
        } else {
          flush(run, literals);
        }
        continue;
      }
      switch (c) {
        case '|' -> {
          if (depth == 0) {
            return List.of();
          }
        }
        case '(', '[' -> {
          depth++;
          flush(run, literals);
        }
        case ')', ']' -> {
          depth = Math.max(0, depth - 1);
          flush(run, literals);
        }
        case '.', '^', '$', '*', '+', '?', '{', '}' -> flush(run, literals);
        default -> {
          if (depth > 0) {
            continue;
          }
          if (quantified(regex, i + 1)) {
            flush(run, literals);
          } else {
            run.append(c);
          }
        }
      }
    }
    flush(run, literals);
    literals.sort(Comparator.comparingInt(String::length).reversed());
    return literals;
  }

  /** Whether the atom ending before {@code next} may repeat zero times or vary. */
  private static boolean quantified(String regex, int next) {
    if (next >= regex.length()) {
      return false;
    }
    char q = regex.charAt(next);
    return q == '*' || q == '?' || q == '{' || q == '+';
  }

  private static boolean isEscapedLiteral(char c) {
    return !Character.isLetterOrDigit(c);
  }

  private static void flush(StringBuilder run, List<String> literals) {
    if (run.length() >= MIN_TRIGRAM) {
      literals.add(run.toString());
    }
    run.setLength(0);
  }
}
