package dev.atelier.codeintel.internal.insights;

import dev.atelier.codeintel.Language;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cheap cyclomatic estimate of source text without a control-flow graph: comments and strings are
 * blanked, then each decision point (a branch keyword of the language, {@code &&}, {@code ||}, a
 * ternary, a match arm) counts one, and each function one more. Nesting is brace depth for brace
 * languages and indentation for Python and Ruby, measured inside each function's line range.
 */
public final class SourceMetrics {

  /** A function's span as the index has it (1-based, inclusive lines). */
  public record Span(String name, int startLine, int endLine) {}

  /** One function's figures. */
  public record FunctionMetrics(String name, int line, int lines, int decisions, int nesting) {
    public int cyclomatic() {
      return decisions + 1;
    }
  }

  /** A file's figures. */
  public record Metrics(
      int lines,
      int cyclomatic,
      int decisions,
      int maxNesting,
      List<FunctionMetrics> functions,
      List<Integer> todoLines) {}

  private static final Pattern TODO = Pattern.compile("\\b(TODO|FIXME|HACK|XXX)\\b");
  private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|&&|\\|\\||=>|\\?");

  private SourceMetrics() {}

  public static Metrics measure(Language language, String text, List<Span> functions) {
    String[] raw = text.split("\n", -1);
    String[] code = blank(language, text).split("\n", -1);
    int[] decisions = new int[code.length];
    Set<String> keywords = keywords(language);
    for (int i = 0; i < code.length; i++) {
      decisions[i] = decisions(language, keywords, code[i]);
    }
    int[][] levels = indentLanguage(language) ? indentDepth(code) : braceDepth(code);
    int[] start = levels[0];
    int[] depth = levels[1];
    int total = 0;
    for (int d : decisions) {
      total += d;
    }
    List<FunctionMetrics> measured = new ArrayList<>();
    int maxNesting = 0;
    for (Span span : functions) {
      int from = Math.max(0, span.startLine() - 1);
      int to = Math.min(code.length - 1, span.endLine() - 1);
      if (to < from) {
        continue;
      }
      int inside = 0;
      int deepest = start[from];
      for (int i = from; i <= to; i++) {
        inside += decisions[i];
        deepest = Math.max(deepest, depth[i]);
      }
      // the body itself is one level in; what is deeper than that is nesting
      int nesting = Math.max(0, deepest - start[from] - 1);
      maxNesting = Math.max(maxNesting, nesting);
      measured.add(
          new FunctionMetrics(span.name(), span.startLine(), to - from + 1, inside, nesting));
    }
    List<Integer> todos = new ArrayList<>();
    for (int i = 0; i < raw.length; i++) {
      if (TODO.matcher(raw[i]).find()) {
        todos.add(i + 1);
      }
    }
    // a final newline ends the last line rather than starting another
    int lines = text.isEmpty() ? 0 : text.endsWith("\n") ? raw.length - 1 : raw.length;
    return new Metrics(
        lines,
        total + Math.max(1, measured.size()),
        total,
        maxNesting,
        measured,
        List.copyOf(todos));
  }

  private static boolean indentLanguage(Language language) {
    return language == Language.PYTHON || language == Language.RUBY;
  }

  private static Set<String> keywords(Language language) {
    return switch (language) {
      case PYTHON -> Set.of("if", "elif", "for", "while", "except", "case", "and", "or");
      case RUBY ->
          Set.of(
              "if", "elsif", "unless", "while", "until", "for", "when", "rescue", "and", "or", "&&",
              "||");
      case GO -> Set.of("if", "for", "case", "&&", "||");
      case RUST -> Set.of("if", "for", "while", "=>", "&&", "||");
      case KOTLIN -> Set.of("if", "for", "while", "catch", "&&", "||");
      case PHP ->
          Set.of("if", "elseif", "for", "foreach", "while", "case", "catch", "&&", "||", "?");
      case CSHARP -> Set.of("if", "for", "foreach", "while", "case", "catch", "&&", "||", "?");
      case TEXT -> Set.of();
      default -> Set.of("if", "for", "while", "case", "catch", "&&", "||", "?");
    };
  }

  private static int decisions(Language language, Set<String> keywords, String line) {
    if (keywords.isEmpty()) {
      return 0;
    }
    int count = 0;
    Matcher m = WORD.matcher(line);
    while (m.find()) {
      String token = m.group();
      if (!keywords.contains(token)) {
        continue;
      }
      if (token.equals("?")) {
        // a ternary, not ?. or ?? or a nullable type (String?)
        int next = m.end();
        if (next >= line.length() || !Character.isWhitespace(line.charAt(next))) {
          continue;
        }
        int before = m.start() - 1;
        if (before >= 0 && !Character.isWhitespace(line.charAt(before))) {
          continue;
        }
      }
      count++;
    }
    return count;
  }

  /** Brace depth at the start of each line, and the deepest it reaches on that line. */
  private static int[][] braceDepth(String[] code) {
    int[] starts = new int[code.length];
    int[] deepest = new int[code.length];
    int depth = 0;
    for (int i = 0; i < code.length; i++) {
      starts[i] = depth;
      int max = depth;
      for (int c = 0; c < code[i].length(); c++) {
        char ch = code[i].charAt(c);
        if (ch == '{') {
          depth++;
          max = Math.max(max, depth);
        } else if (ch == '}') {
          depth = Math.max(0, depth - 1);
        }
      }
      deepest[i] = max;
    }
    return new int[][] {starts, deepest};
  }

  /** Indentation levels (a stack of indents), continuation lines inside brackets skipped. */
  private static int[][] indentDepth(String[] code) {
    int[] out = new int[code.length];
    Deque<Integer> indents = new ArrayDeque<>();
    int brackets = 0;
    int level = 0;
    for (int i = 0; i < code.length; i++) {
      String line = code[i];
      if (brackets == 0 && !line.isBlank()) {
        int indent = 0;
        while (indent < line.length()
            && (line.charAt(indent) == ' ' || line.charAt(indent) == '\t')) {
          indent += line.charAt(indent) == '\t' ? 4 : 1;
        }
        while (!indents.isEmpty() && indents.peek() >= indent) {
          indents.pop();
        }
        indents.push(indent);
        level = indents.size();
      }
      out[i] = level;
      for (int c = 0; c < line.length(); c++) {
        char ch = line.charAt(c);
        if (ch == '(' || ch == '[' || ch == '{') {
          brackets++;
        } else if ((ch == ')' || ch == ']' || ch == '}') && brackets > 0) {
          brackets--;
        }
      }
    }
    return new int[][] {out, out};
  }

  /**
   * The text with comments and string literals replaced by spaces (newlines kept), so keywords and
   * braces inside them do not count.
   */
  static String blank(Language language, String text) {
    boolean hashComments =
        language == Language.PYTHON || language == Language.RUBY || language == Language.PHP;
    boolean slashComments = language != Language.PYTHON && language != Language.RUBY;
    boolean backticks =
        language == Language.JAVASCRIPT
            || language == Language.TYPESCRIPT
            || language == Language.TSX
            || language == Language.GO;
    boolean singleQuotes = language != Language.RUST;
    boolean tripleQuotes = language == Language.PYTHON;
    StringBuilder out = new StringBuilder(text.length());
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      char next = i + 1 < n ? text.charAt(i + 1) : '\0';
      if (slashComments && c == '/' && next == '/' || hashComments && c == '#') {
        while (i < n && text.charAt(i) != '\n') {
          out.append(' ');
          i++;
        }
      } else if (slashComments && c == '/' && next == '*') {
        int end = text.indexOf("*/", i + 2);
        i = copyBlank(text, out, i, end < 0 ? n : end + 2);
      } else if (tripleQuotes && (text.startsWith("\"\"\"", i) || text.startsWith("'''", i))) {
        int end = text.indexOf(text.substring(i, i + 3), i + 3);
        i = copyBlank(text, out, i, end < 0 ? n : end + 3);
      } else if (c == '"' || c == '\'' && singleQuotes || c == '`' && backticks) {
        int j = i + 1;
        while (j < n && text.charAt(j) != c && (c == '`' || text.charAt(j) != '\n')) {
          j += text.charAt(j) == '\\' ? 2 : 1;
        }
        i = copyBlank(text, out, i, Math.min(n, j + 1));
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static int copyBlank(String text, StringBuilder out, int from, int to) {
    for (int k = from; k < to; k++) {
      out.append(text.charAt(k) == '\n' ? '\n' : ' ');
    }
    return to;
  }
}
