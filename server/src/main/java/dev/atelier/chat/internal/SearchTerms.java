package dev.atelier.chat.internal;

import dev.atelier.chat.ChatError;
import dev.atelier.platform.AtelierException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The words of a message search: split on white space, lower-cased, with the characters that are
 * query syntax in FTS5 or LIKE ({@code "}, {@code %}, {@code _}, {@code \}) dropped, so a query is
 * always a list of plain words on both databases. Every word must occur in a message, as a whole
 * word or inside one.
 */
public record SearchTerms(List<String> words) {

  static final int MAX_WORDS = 8;
  static final int MAX_QUERY_LENGTH = 500;

  public SearchTerms {
    words = List.copyOf(words);
  }

  public static SearchTerms parse(@Nullable String query) {
    if (query == null || query.length() > MAX_QUERY_LENGTH) {
      throw new AtelierException(
          ChatError.INVALID_SEARCH, "q is 1 to " + MAX_QUERY_LENGTH + " characters");
    }
    List<String> words =
        Arrays.stream(query.toLowerCase(Locale.ROOT).split("\\s+"))
            .map(SearchTerms::plain)
            .filter(w -> !w.isEmpty())
            .distinct()
            .limit(MAX_WORDS)
            .toList();
    if (words.isEmpty()) {
      throw new AtelierException(ChatError.INVALID_SEARCH, "q needs a word to search for");
    }
    return new SearchTerms(words);
  }

  private static String plain(String word) {
    StringBuilder plain = new StringBuilder();
    word.codePoints()
        .filter(c -> c != '"' && c != '%' && c != '_' && c != '\\' && !Character.isISOControl(c))
        .forEach(plain::appendCodePoint);
    return plain.toString();
  }

  /** FTS5 needs three characters for a trigram match; shorter words are matched with LIKE. */
  static boolean trigramSized(String word) {
    return word.codePointCount(0, word.length()) >= 3;
  }

  /** The words as one FTS5 query: each a quoted string, all required. */
  String ftsQuery() {
    return String.join(" ", words.stream().map(w -> '"' + w + '"').toList());
  }
}
