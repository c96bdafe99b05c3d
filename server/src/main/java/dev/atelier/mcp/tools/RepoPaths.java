package dev.atelier.mcp.tools;

import dev.atelier.mcp.ToolCall;
import dev.atelier.repos.RepoPath;

/**
 * Paths as agents write them, made repository-relative: {@code ./src/A.java} and an absolute path
 * inside the repository's folder are accepted; anything outside fails with a clear error.
 */
public final class RepoPaths {

  private RepoPaths() {}

  public static String relative(ToolCall call, String path) {
    String value = path.strip();
    String root = call.repository().location();
    if (!root.isEmpty() && value.startsWith(root.endsWith("/") ? root : root + "/")) {
      value = value.substring(root.length() + (root.endsWith("/") ? 0 : 1));
    }
    while (value.startsWith("./")) {
      value = value.substring(2);
    }
    if (value.endsWith("/") && value.length() > 1) {
      value = value.substring(0, value.length() - 1);
    }
    return RepoPath.of(value).value();
  }
}
