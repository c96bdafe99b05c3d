package dev.atelier.codeintel;

import static java.util.Objects.requireNonNull;

import dev.atelier.platform.AtelierException;
import org.jspecify.annotations.Nullable;

/**
 * One page of a text search as a person types it: the query may carry filters ({@code file:},
 * {@code -file:}, {@code lang:}, {@code -lang:}, {@code repo:}, {@code case:yes}) beside the text.
 *
 * @param query the text or regular expression, with any filters
 * @param regex whether the text (without the filters) is a regular expression
 * @param caseSensitive whether case must match (also set by {@code case:yes})
 * @param pathGlob only paths matching this glob, or null
 * @param sort the order of the matches
 * @param context lines of context to show before and after each match (0 to {@value #MAX_CONTEXT})
 * @param pageSize matching lines per page
 * @param cursor where the previous page ended ({@link TextSearchPage#nextCursor()}), or null for
 *     the first page
 */
public record TextSearchRequest(
    String query,
    boolean regex,
    boolean caseSensitive,
    @Nullable String pathGlob,
    TextSort sort,
    int context,
    int pageSize,
    @Nullable String cursor) {

  public static final int DEFAULT_PAGE_SIZE = 100;
  public static final int MAX_PAGE_SIZE = 1000;
  public static final int MAX_CONTEXT = 10;

  public TextSearchRequest {
    requireNonNull(query, "query is null");
    requireNonNull(sort, "sort is null");
    if (query.isBlank() || query.length() > TextQuery.MAX_PATTERN_LENGTH) {
      throw new AtelierException(
          CodeIntelError.INVALID_QUERY,
          "the query must have 1 to " + TextQuery.MAX_PATTERN_LENGTH + " characters");
    }
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new AtelierException(
          CodeIntelError.INVALID_QUERY, "limit must be between 1 and " + MAX_PAGE_SIZE);
    }
    if (context < 0 || context > MAX_CONTEXT) {
      throw new AtelierException(
          CodeIntelError.INVALID_QUERY, "context must be between 0 and " + MAX_CONTEXT);
    }
  }

  /** The first page of a literal search in relevance order, without context. */
  public static TextSearchRequest of(String query) {
    return new TextSearchRequest(
        query, false, false, null, TextSort.RELEVANCE, 0, DEFAULT_PAGE_SIZE, null);
  }

  public TextSearchRequest withCursor(@Nullable String next) {
    return new TextSearchRequest(
        query, regex, caseSensitive, pathGlob, sort, context, pageSize, next);
  }
}
