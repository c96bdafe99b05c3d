package dev.atelier.codeintel.internal.search;

import java.util.Locale;

/**
 * Scores a symbol name against what a user typed: exact, prefix, camel-hump ({@code HSR} → {@code
 * HttpServletRequest}, {@code getUN} → {@code getUserName}), substring, then fuzzy (the query's
 * characters in order, closer together and on word starts scoring higher). Zero means no match.
 */
public final class NameMatcher {

  /** How a name matched, best first. */
  public enum Match {
    EXACT,
    PREFIX,
    CAMEL_HUMP,
    SUBSTRING,
    FUZZY,
    NONE
  }

  /** A name's score and how it matched. */
  public record Score(int value, Match match) {
    static final Score NONE = new Score(0, Match.NONE);
  }

  private final String query;
  private final String lowerQuery;

  public NameMatcher(String query) {
    this.query = query;
    this.lowerQuery = query.toLowerCase(Locale.ROOT);
  }

  /**
   * The characters of a lower-case name as a bit set (letters, digits, and one bit for anything
   * else). Every kind of match needs all of the query's characters in the name, so a name whose set
   * lacks one of them is rejected without scoring.
   */
  public static long characters(String lower) {
    long mask = 0;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      int bit = c >= 'a' && c <= 'z' ? c - 'a' : c >= '0' && c <= '9' ? 26 + c - '0' : 36;
      mask |= 1L << bit;
    }
    return mask;
  }

  /** {@link #characters} of the query. */
  public long characters() {
    return characters(lowerQuery);
  }

  public Score score(String name) {
    return score(name, name.toLowerCase(Locale.ROOT));
  }

  /** {@link #score(String)} with the name's lower case computed once by the caller. */
  public Score score(String name, String lowerName) {
    if (query.isEmpty() || name.isEmpty()) {
      return Score.NONE;
    }
    int lengthPenalty = Math.min(99, Math.max(0, name.length() - query.length()));
    if (name.equals(query)) {
      return new Score(10_000, Match.EXACT);
    }
    if (lowerName.equals(lowerQuery)) {
      return new Score(9_500, Match.EXACT);
    }
    if (name.startsWith(query)) {
      return new Score(9_000 - lengthPenalty, Match.PREFIX);
    }
    if (lowerName.startsWith(lowerQuery)) {
      return new Score(8_500 - lengthPenalty, Match.PREFIX);
    }
    if (camelHump(name)) {
      return new Score(8_000 - lengthPenalty, Match.CAMEL_HUMP);
    }
    int at = lowerName.indexOf(lowerQuery);
    if (at >= 0) {
      int boundary = isWordStart(name, at) ? 300 : 0;
      return new Score(6_000 + boundary - lengthPenalty - Math.min(at, 99), Match.SUBSTRING);
    }
    int fuzzy = fuzzy(name, lowerName);
    return fuzzy > 0 ? new Score(fuzzy, Match.FUZZY) : Score.NONE;
  }

  /**
   * Every query character lands on the start of a word of the name, or continues the word the
   * previous one matched in; upper-case query letters must start words.
   */
  private boolean camelHump(String name) {
    if (Character.toLowerCase(name.charAt(0)) != lowerQuery.charAt(0)) {
      return false;
    }
    return hump(name, 1, 1);
  }

  private boolean hump(String name, int q, int n) {
    if (q == query.length()) {
      return true;
    }
    char wanted = query.charAt(q);
    char lowerWanted = Character.toLowerCase(wanted);
    // Continue the current word (only for lower-case query letters) ...
    if (n < name.length()
        && !Character.isUpperCase(wanted)
        && !isWordStart(name, n)
        && name.charAt(n) == lowerWanted
        && hump(name, q + 1, n + 1)) {
      return true;
    }
    // ... or jump to a later word start.
    for (int i = n; i < name.length(); i++) {
      if (isWordStart(name, i)
          && Character.toLowerCase(name.charAt(i)) == lowerWanted
          && hump(name, q + 1, i + 1)) {
        return true;
      }
    }
    return false;
  }

  /** An in-order subsequence match, scored 1..5000: fewer gaps and more word starts is better. */
  private int fuzzy(String name, String lowerName) {
    if (lowerQuery.length() < 2) {
      return 0;
    }
    int score = 0;
    int n = 0;
    int previous = -2;
    for (int q = 0; q < lowerQuery.length(); q++) {
      char c = lowerQuery.charAt(q);
      int found = lowerName.indexOf(c, n);
      if (found < 0) {
        return 0;
      }
      score += found == previous + 1 ? 30 : isWordStart(name, found) ? 25 : 5;
      score -= Math.min(10, found - n);
      previous = found;
      n = found + 1;
    }
    int value = 1_000 + score * 40 / lowerQuery.length() - Math.min(99, name.length());
    return Math.max(1, Math.min(5_000, value));
  }

  /** Word starts: the first character, an upper case after a lower case or digit, after _ - . $ */
  static boolean isWordStart(String name, int i) {
    if (i == 0) {
      return true;
    }
    char c = name.charAt(i);
    char before = name.charAt(i - 1);
    if (before == '_' || before == '-' || before == '.' || before == '$') {
      return c != '_';
    }
    if (Character.isUpperCase(c)) {
      return !Character.isUpperCase(before)
          || (i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1)));
    }
    return Character.isDigit(c) && !Character.isDigit(before);
  }
}
