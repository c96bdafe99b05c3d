package dev.atelier.repos;

import static java.util.Objects.requireNonNull;

import dev.atelier.platform.AtelierException;
import org.jspecify.annotations.Nullable;

/**
 * A file's path inside a repository: relative, '/'-separated, normalised. It can never name
 * anything outside the repository, so a path that arrives from outside (a change notification, a
 * tool call) is parsed here before it touches the file system or the database.
 *
 * <p>Rejected: empty paths, absolute paths ({@code /x}, {@code C:/x}), {@code .} and {@code ..}
 * segments, empty segments ({@code a//b}, trailing {@code /}), backslashes (a Windows separator
 * that could smuggle {@code ..\}), NUL and other control characters, and paths over {@value
 * #MAX_LENGTH} characters.
 *
 * @param value the normalised path, e.g. {@code src/main/App.java}
 */
public record RepoPath(String value) implements Comparable<RepoPath> {

  public static final int MAX_LENGTH = 4096;

  public RepoPath {
    requireNonNull(value, "value is null");
    String problem = problem(value);
    if (problem != null) {
      throw new AtelierException(
          ReposError.INVALID_PATH,
          "invalid repository path '" + printable(value) + "': " + problem);
    }
  }

  /** Parses a path from outside, failing with {@link ReposError#INVALID_PATH} if it is unsafe. */
  public static RepoPath of(String value) {
    return new RepoPath(value);
  }

  /** Whether {@code value} would be accepted, for callers that skip rather than fail. */
  public static boolean isValid(String value) {
    return problem(requireNonNull(value, "value is null")) == null;
  }

  /** The last segment: {@code App.java} for {@code src/main/App.java}. */
  public String fileName() {
    return value.substring(value.lastIndexOf('/') + 1);
  }

  /** This path with {@code child} appended, e.g. {@code src} + {@code main} = {@code src/main}. */
  public RepoPath resolve(String child) {
    return new RepoPath(value + "/" + requireNonNull(child, "child is null"));
  }

  @Override
  public int compareTo(RepoPath other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }

  private static @Nullable String problem(String value) {
    if (value.isEmpty()) {
      return "it is empty";
    }
    if (value.length() > MAX_LENGTH) {
      return "it is longer than " + MAX_LENGTH + " characters";
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == 0) {
        return "it contains a NUL character";
      }
      if (c < 0x20 || c == 0x7f) {
        return "it contains a control character";
      }
      if (c == '\\') {
        return "it contains a backslash; use '/' as the separator";
      }
    }
    if (value.startsWith("/")) {
      return "it is absolute; give it relative to the repository root";
    }
    if (value.length() >= 2 && value.charAt(1) == ':' && Character.isLetter(value.charAt(0))) {
      return "it starts with a drive letter; give it relative to the repository root";
    }
    for (String segment : value.split("/", -1)) {
      if (segment.isEmpty()) {
        return "it has an empty segment (a doubled or trailing '/')";
      }
      if (segment.equals(".") || segment.equals("..")) {
        return "it has a '" + segment + "' segment";
      }
    }
    return null;
  }

  private static String printable(String value) {
    StringBuilder out = new StringBuilder();
    value
        .codePoints()
        .limit(200)
        .forEach(c -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", c));
          } else {
            out.appendCodePoint(c);
          }
        });
    return out.toString();
  }
}
