package dev.atelier.repos.internal.source;

import static java.util.Objects.requireNonNull;

import dev.atelier.repos.SkipReason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.ignore.IgnoreNode;
import org.jspecify.annotations.Nullable;

/**
 * Decides which paths of a tree are left out, with git's own matcher (JGit's {@link IgnoreNode}:
 * negation, directory-only, anchored patterns, {@code **}).
 *
 * <p>Precedence, first answer wins: {@code .atelierignore} files from the deepest folder up (so
 * {@code !vendor/} there re-includes anything), then {@code .gitignore} files from the deepest
 * folder up and {@code .git/info/exclude}, then the default skipped folder names. A path under a
 * left-out folder is left out too, as in git; callers walking from the root never descend into one,
 * and {@link #check} checks every ancestor for paths that arrive on their own.
 */
public final class IgnoreRules {

  public static final String ATELIERIGNORE = ".atelierignore";
  public static final String GITIGNORE = ".gitignore";

  private final RuleFiles files;
  private final boolean honourGitignore;
  private final Set<String> skippedFolders;
  private final Map<String, Rules> byFolder = new HashMap<>();
  private @Nullable IgnoreNode gitExclude;

  /**
   * @param files reads ignore files
   * @param honourGitignore false for git commits, whose tracked files are indexed even if ignored
   * @param skippedFolders folder names left out by default
   */
  public IgnoreRules(RuleFiles files, boolean honourGitignore, Set<String> skippedFolders) {
    this.files = requireNonNull(files, "files is null");
    this.honourGitignore = honourGitignore;
    this.skippedFolders = Set.copyOf(requireNonNull(skippedFolders, "skippedFolders is null"));
  }

  /** Adds {@code .git/info/exclude} (given as bytes) below every .gitignore. */
  public void setGitExclude(byte[] exclude) {
    this.gitExclude = parse(exclude);
  }

  /**
   * Why {@code path} is left out, or null if it is kept, looking at the path alone: its ancestors
   * are taken to be kept.
   *
   * @param path '/'-separated, relative to the root
   * @param directory whether it is a folder
   */
  public @Nullable SkipReason checkEntry(String path, boolean directory) {
    requireNonNull(path, "path is null");
    Boolean atelier = match(path, directory, ATELIERIGNORE);
    if (atelier != null) {
      return atelier ? SkipReason.ATELIERIGNORED : null;
    }
    if (honourGitignore) {
      Boolean git = match(path, directory, GITIGNORE);
      if (git == null && gitExclude != null) {
        git = gitExclude.checkIgnored(path, directory);
      }
      if (Boolean.TRUE.equals(git)) {
        return SkipReason.GITIGNORED;
      }
    }
    String name = name(path);
    if (directory
        && skippedFolders.contains(name)
        && !BuildOutputFolders.isSource(name, file -> exists(parent(path), file))) {
      return SkipReason.VENDORED_FOLDER;
    }
    return null;
  }

  private boolean exists(String folder, String file) {
    try {
      return files.read(folder, file) != null;
    } catch (IOException e) {
      return true; // there, if unreadable
    }
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /** Like {@link #checkEntry}, but also checks each ancestor folder, root first. */
  public @Nullable SkipReason check(String path, boolean directory) {
    requireNonNull(path, "path is null");
    int slash = path.indexOf('/');
    while (slash >= 0) {
      SkipReason folder = checkEntry(path.substring(0, slash), true);
      if (folder != null) {
        return folder;
      }
      slash = path.indexOf('/', slash + 1);
    }
    return checkEntry(path, directory);
  }

  /** The verdict of the deepest ignore file of that name that has one, or null. */
  private @Nullable Boolean match(String path, boolean directory, String fileName) {
    int end = path.lastIndexOf('/');
    while (true) {
      String folder = end < 0 ? "" : path.substring(0, end);
      IgnoreNode node = rules(folder).of(fileName);
      if (node != null) {
        String relative = end < 0 ? path : path.substring(end + 1);
        Boolean verdict = node.checkIgnored(relative, directory);
        if (verdict != null) {
          return verdict;
        }
      }
      if (end < 0) {
        return null;
      }
      end = path.lastIndexOf('/', end - 1);
    }
  }

  private Rules rules(String folder) {
    Rules rules = byFolder.get(folder);
    if (rules == null) {
      rules =
          new Rules(load(folder, ATELIERIGNORE), honourGitignore ? load(folder, GITIGNORE) : null);
      byFolder.put(folder, rules);
    }
    return rules;
  }

  private @Nullable IgnoreNode load(String folder, String name) {
    try {
      byte[] bytes = files.read(folder, name);
      return bytes == null ? null : parse(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + (folder.isEmpty() ? name : folder + "/" + name), e);
    }
  }

  private static IgnoreNode parse(byte[] bytes) {
    IgnoreNode node = new IgnoreNode();
    try {
      node.parse(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException("reading from memory cannot fail", e);
    }
    return node;
  }

  private static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** The ignore files of one folder, either absent. */
  private record Rules(@Nullable IgnoreNode atelier, @Nullable IgnoreNode git) {
    @Nullable IgnoreNode of(String fileName) {
      return fileName.equals(ATELIERIGNORE) ? atelier : git;
    }
  }
}
