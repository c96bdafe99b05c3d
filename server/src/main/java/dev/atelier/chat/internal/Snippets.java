package dev.atelier.chat.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A short excerpt of a message around the first word found, HTML-escaped, with every occurrence of
 * a searched word in {@code <mark>}. Made here rather than by the database so it is the same on
 * both (and FTS5's {@code snippet()} has no text to cut from a contentless table).
 */
final class Snippets {

  static final int BEFORE = 40;
  static final int LENGTH = 160;

  private Snippets() {}

  static String of(String body, List<String> words) {
    String lower = body.toLowerCase(Locale.ROOT);
    // toLowerCase keeps the length for nearly all text; where it does not, offsets are unsafe.
    boolean aligned = lower.length() == body.length();
    int first = -1;
    if (aligned) {
      for (String word : words) {
        int at = lower.indexOf(word);
        if (at >= 0 && (first < 0 || at < first)) {
          first = at;
        }
      }
    }
    int start = Math.max(0, first - BEFORE);
    int end = Math.min(body.length(), start + LENGTH);
    start = safeStart(body, start);
    end = safeStart(body, end);
    List<int[]> marks = new ArrayList<>();
    if (aligned) {
      for (int at = start; at < end; ) {
        int found = -1;
        int length = 0;
        for (String word : words) {
          if (lower.startsWith(word, at) && word.length() > length) {
            found = at;
            length = word.length();
          }
        }
        if (found >= 0) {
          marks.add(new int[] {found, Math.min(end, found + length)});
          at = found + length;
        } else {
          at++;
        }
      }
    }
    StringBuilder snippet = new StringBuilder();
    if (start > 0) {
      snippet.append('…');
    }
    int at = start;
    for (int[] mark : marks) {
      escape(body, at, mark[0], snippet);
      snippet.append("<mark>");
      escape(body, mark[0], mark[1], snippet);
      snippet.append("</mark>");
      at = mark[1];
    }
    escape(body, at, end, snippet);
    if (end < body.length()) {
      snippet.append('…');
    }
    return snippet.toString();
  }

  // Never cut a surrogate pair in two.
  private static int safeStart(String text, int index) {
    return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index))
        ? index - 1
        : index;
  }

  private static void escape(String text, int from, int to, StringBuilder out) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
  }
}
