package dev.atelier.codeintel;

import java.util.Locale;

/** The order of a paged text search. */
public enum TextSort {
  /**
   * Files that are not tests or fixtures first, and among them files where a match is the name of a
   * definition; then by path. Lines of a file stay together, in line order.
   */
  RELEVANCE,
  /** By path, then line. */
  PATH;

  /** {@code relevance} or {@code path}, as the REST API spells them. */
  public static TextSort of(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new dev.atelier.platform.AtelierException(
          CodeIntelError.INVALID_QUERY, "sort must be relevance or path, not " + name);
    }
  }
}
