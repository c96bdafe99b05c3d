package dev.atelier.memory.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a text for matching: lower-cased runs of letters and digits, identifiers split at
 * camel humps and underscores (the whole identifier kept too), a plural {@code s} dropped, common
 * English words left out.
 */
final class Words {

  private static final Set<String> STOP =
      Set.of(
          "a", "an", "and", "are", "as", "at", "be", "by", "do", "does", "for", "from", "how", "if",
          "in", "into", "is", "it", "its", "of", "on", "or", "so", "that", "the", "this", "to",
          "use", "was", "we", "what", "when", "where", "which", "with", "why", "you");

  private Words() {}

  static List<String> of(String text) {
    List<String> words = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int start = i;
      while (i < text.length() && isWordChar(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        add(words, text.substring(start, i));
      } else {
        i++;
      }
    }
    return words;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private static void add(List<String> words, String token) {
    List<String> parts = parts(token);
    if (parts.size() > 1) {
      keep(words, token.replace("_", "").toLowerCase(Locale.ROOT));
    }
    parts.forEach(p -> keep(words, p.toLowerCase(Locale.ROOT)));
  }

  private static void keep(List<String> words, String word) {
    if (word.length() < 2 || STOP.contains(word)) {
      return;
    }
    if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
      word = word.substring(0, word.length() - 1);
    }
    words.add(word);
  }

  /** {@code getHTTPResponse_code} becomes get, HTTP, Response, code. */
  private static List<String> parts(String token) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '_') {
        flush(parts, current);
        continue;
      }
      boolean hump =
          Character.isUpperCase(c)
              && current.length() > 0
              && (Character.isLowerCase(current.charAt(current.length() - 1))
                  || (i + 1 < token.length() && Character.isLowerCase(token.charAt(i + 1))));
      if (hump) {
        flush(parts, current);
      }
      current.append(c);
    }
    flush(parts, current);
    return parts;
  }

  private static void flush(List<String> parts, StringBuilder current) {
    if (current.length() > 0) {
      parts.add(current.toString());
      current.setLength(0);
    }
  }
}
