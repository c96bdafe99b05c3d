package dev.atelier.codeintel.internal.graph;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A glob over repository-relative paths: {@code *} and {@code ?} stay within a folder, {@code **}
 * crosses folders, a trailing slash means everything below; a glob without a slash matches the file
 * name.
 */
final class PathGlob {

  private final @Nullable Pattern pattern;
  private final boolean nameOnly;

  private PathGlob(@Nullable Pattern pattern, boolean nameOnly) {
    this.pattern = pattern;
    this.nameOnly = nameOnly;
  }

  static PathGlob of(@Nullable String glob) {
    if (glob == null || glob.isBlank()) {
      return new PathGlob(null, false);
    }
    String g = glob.strip();
    if (g.endsWith("/")) {
      g = g + "**";
    }
    StringBuilder regex = new StringBuilder();
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
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return new PathGlob(Pattern.compile(regex.toString()), g.indexOf('/') < 0);
  }

  boolean matches(String path) {
    if (pattern == null) {
      return true;
    }
    String subject = nameOnly ? path.substring(path.lastIndexOf('/') + 1) : path;
    return pattern.matcher(subject).matches();
  }
}
