package dev.atelier.memory;

import static java.util.Objects.requireNonNull;

import dev.atelier.platform.AtelierException;
import dev.atelier.repos.RepoPath;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where a learning applies: the whole repository, a folder (and everything under it) or one file.
 *
 * @param level repo, folder or file
 * @param path the repository-relative folder or file; empty for the repository
 */
public record LearningScope(Level level, String path) {

  /** How wide a learning applies. */
  public enum Level {
    REPO,
    FOLDER,
    FILE;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> ids() {
      return Arrays.stream(values()).map(Level::id).toList();
    }

    public static Level ofId(String id) {
      String wanted = id.strip().toUpperCase(Locale.ROOT);
      for (Level level : values()) {
        if (level.name().equals(wanted)) {
          return level;
        }
      }
      throw new AtelierException(
          MemoryError.INVALID_LEARNING,
          "unknown scope '" + id + "'; the scopes are: " + String.join(", ", ids()));
    }
  }

  /**
   * Checks the path: none for the repository, a safe repository-relative one (never outside the
   * repository) for a folder or file.
   */
  public LearningScope {
    requireNonNull(level, "level is null");
    requireNonNull(path, "path is null");
    if (level == Level.REPO) {
      if (!path.isEmpty()) {
        throw new AtelierException(
            MemoryError.INVALID_LEARNING,
            "a repo-scoped learning takes no path; use scope folder or file for '" + path + "'");
      }
    } else {
      if (path.isEmpty()) {
        throw new AtelierException(
            MemoryError.INVALID_LEARNING, "a " + level.id() + "-scoped learning needs a path");
      }
      if (!RepoPath.isValid(path)) {
        throw new AtelierException(
            MemoryError.INVALID_LEARNING,
            "scope path '" + path + "' is not inside the repository: " + reason(path));
      }
    }
  }

  public static LearningScope repo() {
    return new LearningScope(Level.REPO, "");
  }

  public static LearningScope folder(String path) {
    return new LearningScope(Level.FOLDER, path);
  }

  public static LearningScope file(String path) {
    return new LearningScope(Level.FILE, path);
  }

  /** Whether this scope covers {@code file}: the repository always, a folder what is under it. */
  public boolean covers(String file) {
    return switch (level) {
      case REPO -> true;
      case FOLDER -> file.startsWith(path + "/");
      case FILE -> file.equals(path);
    };
  }

  /** {@code repo}, {@code folder src/db} or {@code file src/db/Pool.java}. */
  @Override
  public String toString() {
    return level == Level.REPO ? "repo" : level.id() + " " + path;
  }

  private static String reason(String path) {
    try {
      RepoPath.of(path);
      return "invalid";
    } catch (AtelierException e) {
      String message = e.getMessage();
      int colon = message.indexOf("': ");
      return colon < 0 ? message : message.substring(colon + 3);
    }
  }
}
