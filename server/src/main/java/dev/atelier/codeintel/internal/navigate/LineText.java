package dev.atelier.codeintel.internal.navigate;

import dev.atelier.codeintel.CodeIntelError;
import dev.atelier.codeintel.SourceRange;
import dev.atelier.platform.AtelierException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A file's lines, with conversions between editor columns (1-based characters) and the index's
 * columns (0-based UTF-8 bytes); one line is "current" for position lookups.
 */
final class LineText {

  private final String content;
  private final int[] starts;
  private final int current;

  private LineText(String content, int[] starts, int current) {
    this.content = content;
    this.starts = starts;
    this.current = current;
  }

  /** The whole file, for diagnostics. */
  static LineText of(String path, String content) {
    return new LineText(content, starts(content), 1);
  }

  /**
   * The file positioned at {@code line}:{@code column}, which must exist (the column may be one
   * past the line's last character, where editors put a cursor at its end).
   */
  static LineText of(String path, String content, int line, int column) {
    int[] starts = starts(content);
    int lines = starts.length;
    if (line < 1) {
      throw invalid("line must be 1 or more (lines are 1-based), not " + line);
    }
    if (line > lines) {
      throw invalid(
          "line " + line + " is past the end of " + path + ", which has " + lines + " lines");
    }
    LineText text = new LineText(content, starts, line);
    int length = text.line(line).length();
    if (column < 1) {
      throw invalid("column must be 1 or more (columns are 1-based), not " + column);
    }
    if (column > length + 1) {
      throw invalid(
          "column "
              + column
              + " is past the end of line "
              + line
              + " of "
              + path
              + ", which has "
              + length
              + " characters");
    }
    return text;
  }

  private static AtelierException invalid(String message) {
    return new AtelierException(CodeIntelError.INVALID_POSITION, message);
  }

  private static int[] starts(String content) {
    int count = 1;
    for (int i = 0; i < content.length(); i++) {
      if (content.charAt(i) == '\n') {
        count++;
      }
    }
    int[] starts = new int[count];
    int n = 1;
    for (int i = 0; i < content.length(); i++) {
      if (content.charAt(i) == '\n') {
        starts[n++] = i + 1;
      }
    }
    return starts;
  }

  /** Line {@code number} (1-based) without its line break. */
  String line(int number) {
    int start = starts[number - 1];
    int end = number < starts.length ? starts[number] - 1 : content.length();
    if (end > start && content.charAt(end - 1) == '\r') {
      end--;
    }
    return content.substring(start, Math.max(start, end));
  }

  /** The 0-based byte column of a 1-based character column on the current line. */
  int byteColumn(int column) {
    String line = line(current);
    return Utf8.length(line, 0, Math.min(column - 1, line.length()));
  }

  /** The 1-based character column of a 0-based byte column on the current line. */
  int charColumn(int byteColumn) {
    return charColumnOnLine(current, byteColumn);
  }

  int charColumnOnLine(int lineNumber, int byteColumn) {
    if (lineNumber < 1 || lineNumber > starts.length) {
      return 1;
    }
    String line = line(lineNumber);
    int bytes = 0;
    int i = 0;
    while (i < line.length() && bytes < byteColumn) {
      bytes += Utf8.length(line, i, i + 1 + (Character.isHighSurrogate(line.charAt(i)) ? 1 : 0));
      i += Character.isHighSurrogate(line.charAt(i)) ? 2 : 1;
    }
    return i + 1;
  }

  /** An identifier on the current line. */
  record Word(String text, int start, int end) {}

  /** The identifier under (or just before) a 1-based column of the current line. */
  Optional<Word> wordAt(int column) {
    String line = line(current);
    int at = column - 1;
    if (at >= line.length() || !identifierPart(line.charAt(at))) {
      at--;
    }
    if (at < 0 || at >= line.length() || !identifierPart(line.charAt(at))) {
      return Optional.empty();
    }
    int start = at;
    while (start > 0 && identifierPart(line.charAt(start - 1))) {
      start--;
    }
    int end = at + 1;
    while (end < line.length() && identifierPart(line.charAt(end))) {
      end++;
    }
    if (Character.isDigit(line.charAt(start))) {
      return Optional.empty();
    }
    return Optional.of(new Word(line.substring(start, end), start + 1, end + 1));
  }

  private static boolean identifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  /** The text of a range on its first line, whitespace collapsed, at most {@code max} chars. */
  String excerpt(SourceRange range, int max) {
    @Nullable String line = range.startLine() <= starts.length ? line(range.startLine()) : null;
    if (line == null) {
      return "";
    }
    int from = charColumnOnLine(range.startLine(), range.startColumn()) - 1;
    int to =
        range.endLine() == range.startLine()
            ? charColumnOnLine(range.startLine(), range.endColumn()) - 1
            : line.length();
    int start = Math.min(from, line.length());
    String text =
        line.substring(start, Math.max(Math.min(to, line.length()), start))
            .strip()
            .replaceAll("\\s+", " ");
    return text.length() > max ? text.substring(0, max) + "..." : text;
  }
}
