package dev.atelier.codeintel.internal.paths;

import dev.atelier.codeintel.CodeIntelError;
import dev.atelier.platform.AtelierException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one path-glob semantics of every tool that filters by path ({@code graph_query}, {@code
 * security_scan}, text search), as a {@code .gitignore} or {@code rg -g} user reads a glob:
 *
 * <ul>
 *   <li>{@code *} and {@code ?} stay within one folder; {@code [abc]}, {@code [!abc]} and {@code
 *       {go,rs}} as in the shell;
 *   <li>{@code **} crosses folders: {@code **}{@code /x} is x at any depth (the root too), {@code
 *       a/**} everything below a, {@code a/**}{@code /b} b anywhere below a;
 *   <li>a glob without a slash is matched against the file name at any depth ({@code *_test.go});
 *   <li>a glob with a slash is anchored at the repository root ({@code src/*.java} is not {@code
 *       lib/src/A.java}); a leading {@code /} or {@code ./} anchors a name too ({@code /main.go});
 *   <li>a trailing slash means everything below that folder ({@code net/http/}).
 * </ul>
 */
public final class PathGlob {

  private static final PathGlob ANY = new PathGlob(null, false);

  private final @Nullable Pattern pattern;
  private final boolean nameOnly;

  private PathGlob(@Nullable Pattern pattern, boolean nameOnly) {
    this.pattern = pattern;
    this.nameOnly = nameOnly;
  }

  /**
   * The glob's matcher; a null or blank glob matches every path. Fails with {@link
   * CodeIntelError#INVALID_QUERY} on an unclosed {@code [} or {@code {}.
   */
  public static PathGlob of(@Nullable String glob) {
    if (glob == null || glob.isBlank()) {
      return ANY;
    }
    String g = glob.strip();
    boolean anchored = false;
    while (g.startsWith("./") || g.startsWith("/")) {
      g = g.substring(g.startsWith("/") ? 1 : 2);
      anchored = true;
    }
    if (g.isEmpty() || g.endsWith("/")) {
      g = g + "**";
    }
    boolean nameOnly = !anchored && g.indexOf('/') < 0;
    return new PathGlob(Pattern.compile(regex(glob, g)), nameOnly);
  }

  /** Whether a repository-relative path ({@code a/b/c.go}) matches. */
  public boolean matches(String path) {
    if (pattern == null) {
      return true;
    }
    String subject = nameOnly ? path.substring(path.lastIndexOf('/') + 1) : path;
    return pattern.matcher(subject).matches();
  }

  /** Whether this glob lets every path through. */
  public boolean matchesAll() {
    return pattern == null;
  }

  private static String regex(String original, String g) {
    StringBuilder regex = new StringBuilder();
    int braces = 0;
    for (int i = 0; i < g.length(); i++) {
      char c = g.charAt(i);
      if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
        boolean slash = i + 2 < g.length() && g.charAt(i + 2) == '/';
        regex.append(slash ? "(?:.*/)?" : ".*");
        i += slash ? 2 : 1;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else if (c == '[') {
        int close = g.indexOf(']', i + 2);
        if (close < 0) {
          throw invalid(original, "unclosed [");
        }
        String body = g.substring(i + 1, close);
        boolean negated = body.startsWith("!") || body.startsWith("^");
        regex.append(negated ? "[^/" : "[");
        for (char m : (negated ? body.substring(1) : body).toCharArray()) {
          regex.append(m == '-' || Character.isLetterOrDigit(m) ? String.valueOf(m) : "\\" + m);
        }
        regex.append(']');
        i = close;
      } else if (c == '{') {
        braces++;
        regex.append("(?:");
      } else if (c == '}' && braces > 0) {
        braces--;
        regex.append(')');
      } else if (c == ',' && braces > 0) {
        regex.append('|');
      } else if (c == '\\' && i + 1 < g.length()) {
        regex.append(Pattern.quote(String.valueOf(g.charAt(++i))));
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    if (braces > 0) {
      throw invalid(original, "unclosed {");
    }
    return regex.toString();
  }

  private static AtelierException invalid(String glob, String why) {
    return new AtelierException(
        CodeIntelError.INVALID_QUERY, "invalid path glob " + glob + ": " + why);
  }
}
