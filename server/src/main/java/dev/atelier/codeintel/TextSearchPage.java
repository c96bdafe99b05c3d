package dev.atelier.codeintel;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a text search, with the exact size of the whole answer.
 *
 * @param matches this page's matching lines, in the requested order
 * @param total matching lines in the whole branch
 * @param filesMatched files with at least one matching line
 * @param offset how many matching lines came before this page
 * @param nextCursor pass to get the next page; null on the last one
 * @param pattern the text searched for, once the filters were taken out of the query
 * @param sort the order of the matches
 * @param candidates files the index offered before the exact check
 */
public record TextSearchPage(
    List<TextHit> matches,
    int total,
    int filesMatched,
    int offset,
    @Nullable String nextCursor,
    String pattern,
    TextSort sort,
    int candidates) {

  public TextSearchPage {
    matches = List.copyOf(matches);
  }
}
