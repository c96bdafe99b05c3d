package dev.atelier.codeintel.internal.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Turns code and prose into search terms: identifiers split at camelCase, snake_case and digits
 * boundaries (the whole identifier kept too), lower-cased, English function words dropped, and a
 * light suffix stemmer so "hashing", "hashed" and "hashers" meet "hash".
 */
public final class Terms {

  private static final int MIN_LENGTH = 2;
  private static final int MAX_LENGTH = 40;

  // Function words of questions; code words ("get", "set", "new") stay and idf weighs them.
  private static final Set<String> STOPWORDS =
      Set.of(
          "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "by", "for", "from", "with",
          "without", "into", "onto", "is", "are", "was", "were", "be", "been", "being", "it", "its",
          "this", "that", "these", "those", "what", "which", "who", "whom", "where", "when", "why",
          "how", "do", "does", "did", "done", "can", "could", "should", "would", "will", "shall",
          "may", "might", "must", "we", "you", "they", "he", "she", "them", "their", "our", "your",
          "my", "me", "us", "but", "if", "then", "than", "so", "such", "as", "there", "here",
          "some", "via", "vs", "about", "over", "under", "between", "through", "up", "out", "also",
          "any", "each");

  private Terms() {}

  /** The terms of a text, in order, repeats kept (for term frequencies). */
  public static List<String> of(CharSequence text) {
    List<String> terms = new ArrayList<>();
    scan(text, terms::add);
    return terms;
  }

  /** Feeds each term of {@code text} to {@code sink}, in order. */
  public static void scan(CharSequence text, Consumer<String> sink) {
    scan(text, sink, null);
  }

  /**
   * As {@link #scan(CharSequence, Consumer)}, remembering each identifier's terms in {@code cache}
   * (an index build meets the same identifiers millions of times).
   */
  static void scan(
      CharSequence text, Consumer<String> sink, @Nullable Map<String, String[]> cache) {
    int n = text.length();
    int i = 0;
    List<String> parts = new ArrayList<>(4);
    List<String> terms = new ArrayList<>(8);
    while (i < n) {
      char c = text.charAt(i);
      if (!isWordChar(c)) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && isWordChar(text.charAt(i))) {
        i++;
      }
      if (i - start > 3 * MAX_LENGTH) {
        continue; // a hash, base64 or minified line, not words
      }
      if (i + 1 < n && text.charAt(i) == '-' && Character.isDigit(text.charAt(i + 1))) {
        // SHA-256, UTF-8: also the joined form the code spells (sha256, utf8).
        int j = i + 1;
        while (j < n && Character.isDigit(text.charAt(j))) {
          j++;
        }
        parts.clear();
        split(text, start, i, parts);
        String last = parts.isEmpty() ? "" : parts.get(parts.size() - 1);
        if (!last.isEmpty() && j - i <= 6) {
          sink.accept((last + text.subSequence(i + 1, j)).toLowerCase(java.util.Locale.ROOT));
        }
      }
      if (cache == null) {
        terms.clear();
        identifier(text, start, i, parts, terms);
        terms.forEach(sink);
        continue;
      }
      String run = text.subSequence(start, i).toString();
      String[] known = cache.get(run);
      if (known == null) {
        terms.clear();
        identifier(text, start, i, parts, terms);
        known = terms.toArray(String[]::new);
        cache.put(run, known);
      }
      for (String term : known) {
        sink.accept(term);
      }
    }
  }

  /** The terms of one identifier run: its words, then the whole when it has several. */
  private static void identifier(
      CharSequence text, int start, int end, List<String> parts, List<String> out) {
    parts.clear();
    split(text, start, end, parts);
    for (String part : parts) {
      emit(part, out::add);
    }
    if (parts.size() > 1) {
      StringBuilder whole = new StringBuilder(end - start);
      for (int k = start; k < end; k++) {
        char w = text.charAt(k);
        if (w != '_') {
          whole.append(Character.toLowerCase(w));
        }
      }
      if (whole.length() <= MAX_LENGTH) {
        out.add(whole.toString());
      }
    }
  }

  /** The identifier's words only (no whole-identifier term), for coverage of a symbol name. */
  public static List<String> words(CharSequence identifier) {
    List<String> parts = new ArrayList<>();
    split(identifier, 0, identifier.length(), parts);
    List<String> out = new ArrayList<>(parts.size());
    for (String part : parts) {
      emit(part, out::add);
    }
    return out;
  }

  private static void emit(String part, Consumer<String> sink) {
    if (part.length() < MIN_LENGTH || part.length() > MAX_LENGTH || isNumber(part)) {
      return;
    }
    String lower = part.toLowerCase(java.util.Locale.ROOT);
    if (STOPWORDS.contains(lower)) {
      return;
    }
    sink.accept(stem(lower));
  }

  private static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || (c > 127 && Character.isLetterOrDigit(c));
  }

  private static boolean isNumber(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Splits an identifier run at underscores, lower-to-upper changes and the end of an acronym
   * (HTTPServer: HTTP, Server); digits stay with the letters before them (sha256, utf8).
   */
  static void split(CharSequence text, int from, int to, List<String> parts) {
    int start = -1;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '_') {
        if (start >= 0) {
          parts.add(text.subSequence(start, i).toString());
          start = -1;
        }
        continue;
      }
      if (start < 0) {
        start = i;
        continue;
      }
      char prev = text.charAt(i - 1);
      boolean boundary =
          (Character.isUpperCase(c) && (Character.isLowerCase(prev) || Character.isDigit(prev)))
              || (Character.isUpperCase(c)
                  && Character.isUpperCase(prev)
                  && i + 1 < to
                  && Character.isLowerCase(text.charAt(i + 1)));
      if (boundary) {
        parts.add(text.subSequence(start, i).toString());
        start = i;
      }
    }
    if (start >= 0) {
      parts.add(text.subSequence(start, to).toString());
    }
  }

  /** A light English stemmer: plurals, -ing, -ed, -er and a final -e. */
  static String stem(String w) {
    if (w.length() <= 3) {
      return w;
    }
    String s = w;
    if (s.endsWith("ies") && s.length() > 4) {
      s = s.substring(0, s.length() - 3) + "y";
    } else if (s.endsWith("sses")) {
      s = s.substring(0, s.length() - 2);
    } else if (s.endsWith("s") && !s.endsWith("ss") && !s.endsWith("us") && !s.endsWith("is")) {
      s = s.substring(0, s.length() - 1);
    }
    for (String suffix : new String[] {"ing", "ed", "er"}) {
      if (s.endsWith(suffix) && s.length() - suffix.length() >= 4) {
        s = s.substring(0, s.length() - suffix.length());
        int n = s.length();
        char last = s.charAt(n - 1);
        if (n >= 4 && last == s.charAt(n - 2) && !isVowel(last) && "lsz".indexOf(last) < 0) {
          s = s.substring(0, n - 1); // mapped -> map(p)
        }
        break;
      }
    }
    if (s.length() >= 5 && s.endsWith("e")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }
}
