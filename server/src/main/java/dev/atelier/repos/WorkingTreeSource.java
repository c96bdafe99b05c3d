package dev.atelier.repos;

import static java.util.Objects.requireNonNull;

import dev.atelier.platform.AtelierException;
import dev.atelier.repos.internal.source.Contents;
import dev.atelier.repos.internal.source.IgnoreRules;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A folder on disk as it is now, uncommitted changes included. Honours {@code .gitignore} files at
 * every level, {@code .git/info/exclude} and {@code .atelierignore} files (see {@code IgnoreRules}
 * for precedence); skips {@code .git}, default vendored and generated folders, binaries, files over
 * the size limit, special files and unreadable files, each with its reason. Symbolic links are
 * followed only to files inside the root; links to folders are not followed.
 */
public final class WorkingTreeSource implements ContentSource {

  /** How file bytes are read; tests substitute failures the file system cannot produce as root. */
  interface FileReader {
    byte[] read(Path file) throws IOException;
  }

  private final Path root;
  private final SourceOptions options;
  private final FileReader reader;

  public WorkingTreeSource(Path root, SourceOptions options) {
    this(root, options, Files::readAllBytes);
  }

  WorkingTreeSource(Path root, SourceOptions options, FileReader reader) {
    requireNonNull(root, "root is null");
    this.options = requireNonNull(options, "options is null");
    this.reader = requireNonNull(reader, "reader is null");
    try {
      this.root = root.toRealPath();
    } catch (IOException e) {
      throw new AtelierException(
          ReposError.SOURCE_UNREADABLE, "cannot open the folder " + root + ": " + e, e);
    }
    if (!Files.isDirectory(this.root)) {
      throw new AtelierException(ReposError.SOURCE_UNREADABLE, root + " is not a folder");
    }
  }

  public static WorkingTreeSource of(Path root) {
    return new WorkingTreeSource(root, SourceOptions.defaults());
  }

  /**
   * The branch checked out in the working tree ({@code .git/HEAD} names it), or {@code fallback}
   * when the folder is not a git working tree or HEAD is detached.
   */
  public String checkedOutBranch(String fallback) {
    Path head = root.resolve(".git").resolve("HEAD");
    try {
      if (Files.isRegularFile(head, LinkOption.NOFOLLOW_LINKS) && Files.size(head) < 4096) {
        String text = Files.readString(head).strip();
        String prefix = "ref: refs/heads/";
        if (text.startsWith(prefix) && text.length() > prefix.length()) {
          return text.substring(prefix.length());
        }
      }
    } catch (IOException e) {
      // An unreadable HEAD is no branch name; the fallback names the tree.
    }
    return fallback;
  }

  /** The root, with symbolic links resolved. */
  public Path root() {
    return root;
  }

  @Override
  public void walk(SourceVisitor visitor) {
    requireNonNull(visitor, "visitor is null");
    IgnoreRules rules = rules();
    // An explicit stack rather than recursion: a very deep tree must not overflow the stack.
    Deque<String> folders = new ArrayDeque<>();
    List<PendingRead> reads = new ArrayList<>();
    folders.push("");
    while (!folders.isEmpty()) {
      String folder = folders.pop();
      List<Path> children;
      try {
        children = list(folder.isEmpty() ? root : root.resolve(folder));
      } catch (IOException e) {
        if (folder.isEmpty()) {
          throw new AtelierException(
              ReposError.SOURCE_UNREADABLE, "cannot list the folder " + root + ": " + e, e);
        }
        visitor.skipped(new SkippedFile(folder + "/", SkipReason.UNREADABLE, e.toString()));
        continue;
      }
      List<String> subfolders = new ArrayList<>();
      for (Path child : children) {
        String name = child.getFileName().toString();
        String path = folder.isEmpty() ? name : folder + "/" + name;
        if (name.equals(".git")) {
          continue;
        }
        if (visit(child, path, rules, visitor, reads)) {
          subfolders.add(path);
        }
      }
      // Pushed in reverse so folders are walked in name order.
      for (int i = subfolders.size() - 1; i >= 0; i--) {
        folders.push(subfolders.get(i));
      }
    }
    // Reading and hashing is most of a walk: on all cores, reported in walk order.
    for (SourceEntry entry : reads.parallelStream().map(r -> read(r.file(), r.path())).toList()) {
      switch (entry) {
        case SourceFile file -> visitor.file(file);
        case SkippedFile skipped -> visitor.skipped(skipped);
      }
    }
  }

  /** A file the walk kept, to be read and hashed once the walk is done. */
  private record PendingRead(Path file, String path) {}

  /**
   * The state of one path now, for a change notification: the file to index, or why it is not
   * indexed ({@link SkipReason#NOT_FOUND} when it was deleted). Applies the same rules as {@link
   * #walk}, ancestors included.
   */
  public SourceEntry lookup(RepoPath path) {
    requireNonNull(path, "path is null");
    String value = path.value();
    String[] segments = value.split("/", -1);
    if (Arrays.asList(segments).contains(".git")) {
      return new SkippedFile(value, SkipReason.GIT_DIRECTORY);
    }
    IgnoreRules rules = rules();
    Path current = root;
    for (int i = 0; i < segments.length - 1; i++) {
      current = current.resolve(segments[i]);
      String folder = String.join("/", Arrays.copyOfRange(segments, 0, i + 1));
      if (Files.isSymbolicLink(current)) {
        return new SkippedFile(value, SkipReason.SYMLINKED_DIRECTORY, folder + " is a link");
      }
      SkipReason ignored = rules.checkEntry(folder, true);
      if (ignored != null) {
        return new SkippedFile(value, ignored, "in " + folder + "/");
      }
    }
    Path file = root.resolve(value);
    List<SourceEntry> found = new ArrayList<>(1);
    boolean folder =
        visit(
            file,
            value,
            rules,
            new SourceVisitor() {
              @Override
              public void file(SourceFile sourceFile) {
                found.add(sourceFile);
              }

              @Override
              public void skipped(SkippedFile skipped) {
                found.add(skipped);
              }
            },
            null);
    if (folder) {
      return new SkippedFile(value, SkipReason.SPECIAL_FILE, "a folder, not a file");
    }
    return found.isEmpty() ? new SkippedFile(value, SkipReason.NOT_FOUND) : found.get(0);
  }

  /**
   * Reports one entry; true if it is a folder to descend into. A file to index is read now, or
   * added to {@code reads} when given.
   */
  private boolean visit(
      Path child,
      String path,
      IgnoreRules rules,
      SourceVisitor visitor,
      @Nullable List<PendingRead> reads) {
    BasicFileAttributes attributes;
    try {
      attributes =
          Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException | NotDirectoryException e) {
      // Gone, or an ancestor is now a file: either way there is nothing at this path.
      return false;
    } catch (IOException e) {
      visitor.skipped(new SkippedFile(path, SkipReason.UNREADABLE, e.toString()));
      return false;
    }
    if (!RepoPath.isValid(path)) {
      visitor.skipped(new SkippedFile(path, SkipReason.INVALID_PATH));
      return false;
    }
    boolean directory = attributes.isDirectory();
    SkipReason ignored = rules.checkEntry(path, directory);
    if (ignored != null) {
      visitor.skipped(new SkippedFile(directory ? path + "/" : path, ignored));
      return false;
    }
    if (directory) {
      return true;
    }
    Path file = child;
    if (attributes.isSymbolicLink()) {
      Path target;
      try {
        target = child.toRealPath();
      } catch (IOException e) {
        visitor.skipped(new SkippedFile(path, SkipReason.BROKEN_SYMLINK, e.toString()));
        return false;
      }
      if (!target.startsWith(root)) {
        visitor.skipped(new SkippedFile(path, SkipReason.SYMLINK_OUTSIDE_ROOT));
        return false;
      }
      try {
        attributes = Files.readAttributes(target, BasicFileAttributes.class);
      } catch (IOException e) {
        visitor.skipped(new SkippedFile(path, SkipReason.UNREADABLE, e.toString()));
        return false;
      }
      if (attributes.isDirectory()) {
        visitor.skipped(new SkippedFile(path, SkipReason.SYMLINKED_DIRECTORY));
        return false;
      }
      file = target;
    }
    if (!attributes.isRegularFile()) {
      visitor.skipped(new SkippedFile(path, SkipReason.SPECIAL_FILE));
      return false;
    }
    if (attributes.size() > options.maxFileBytes()) {
      visitor.skipped(new SkippedFile(path, SkipReason.TOO_LARGE, tooLarge(attributes.size())));
      return false;
    }
    if (reads != null) {
      reads.add(new PendingRead(file, path));
      return false;
    }
    SourceEntry entry = read(file, path);
    if (entry instanceof SourceFile sourceFile) {
      visitor.file(sourceFile);
    } else {
      visitor.skipped((SkippedFile) entry);
    }
    return false;
  }

  private SourceEntry read(Path file, String path) {
    byte[] bytes;
    try {
      bytes = reader.read(file);
    } catch (IOException | RuntimeException e) {
      return new SkippedFile(path, SkipReason.UNREADABLE, e.toString());
    }
    // Checked again after reading: the file may have grown since its size was taken.
    if (bytes.length > options.maxFileBytes()) {
      return new SkippedFile(path, SkipReason.TOO_LARGE, tooLarge(bytes.length));
    }
    if (Contents.looksBinary(bytes)) {
      return new SkippedFile(path, SkipReason.BINARY);
    }
    Sha256 sha = Sha256.of(bytes);
    FileReader files = reader;
    ContentReader content =
        () -> {
          byte[] now = files.read(file);
          if (!Sha256.of(now).equals(sha)) {
            throw new SourceChangedException(path + " changed after it was scanned");
          }
          return now;
        };
    return new SourceFile(new RepoPath(path), sha, bytes.length, content);
  }

  private String tooLarge(long size) {
    return Contents.humanBytes(size)
        + " over the limit of "
        + Contents.humanBytes(options.maxFileBytes());
  }

  private IgnoreRules rules() {
    IgnoreRules rules =
        new IgnoreRules(
            (folder, name) -> {
              Path file = (folder.isEmpty() ? root : root.resolve(folder)).resolve(name);
              return ruleFileQuietly(file);
            },
            true,
            options.skippedFolders());
    byte[] exclude = ruleFileQuietly(root.resolve(".git").resolve("info").resolve("exclude"));
    if (exclude != null) {
      rules.setGitExclude(exclude);
    }
    return rules;
  }

  /** An ignore file's bytes: only a regular file (not a link out of the tree) of sane size. */
  private static byte @Nullable [] ruleFile(Path file) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
        || Files.size(file) > SourceOptions.DEFAULT_MAX_FILE_BYTES) {
      return null;
    }
    return Files.readAllBytes(file);
  }

  /** An unreadable ignore file counts as absent, as one bad file must not stop the walk. */
  private static byte @Nullable [] ruleFileQuietly(Path file) {
    try {
      return ruleFile(file);
    } catch (IOException e) {
      return null;
    }
  }

  private static List<Path> list(Path folder) throws IOException {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
      stream.forEach(children::add);
    }
    children.sort(null);
    return children;
  }
}
