package dev.atelier.codeintel;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A search over file contents.
 *
 * @param pattern the text to find, or a Java regular expression when {@code regex}
 * @param regex whether {@code pattern} is a regular expression
 * @param caseSensitive whether case must match
 * @param pathGlob only paths matching this glob ({@code *.go}, {@code src/**}; gitignore-style, as
 *     every path filter reads it: {@code *} within a folder, {@code **} across, a glob without a
 *     slash matches the file name at any depth, one with a slash is anchored at the root), or null
 * @param maxMatches stop after this many matching lines
 */
public record TextQuery(
    String pattern,
    boolean regex,
    boolean caseSensitive,
    @Nullable String pathGlob,
    int maxMatches) {

  public static final int DEFAULT_MAX_MATCHES = 200;
  public static final int MAX_PATTERN_LENGTH = 1000;

  public TextQuery {
    requireNonNull(pattern, "pattern is null");
    if (pattern.isEmpty() || pattern.length() > MAX_PATTERN_LENGTH) {
      throw new dev.atelier.platform.AtelierException(
          CodeIntelError.INVALID_QUERY,
          "the search pattern must have 1 to " + MAX_PATTERN_LENGTH + " characters");
    }
    if (maxMatches < 1 || maxMatches > 10_000) {
      throw new dev.atelier.platform.AtelierException(
          CodeIntelError.INVALID_QUERY, "maxMatches must be between 1 and 10000");
    }
  }

  /** A case-insensitive literal search. */
  public static TextQuery literal(String text) {
    return new TextQuery(text, false, false, null, DEFAULT_MAX_MATCHES);
  }

  /** A case-sensitive regular-expression search. */
  public static TextQuery regex(String pattern) {
    return new TextQuery(pattern, true, true, null, DEFAULT_MAX_MATCHES);
  }
}
