package dev.atelier.repos;

import static java.util.Objects.requireNonNull;

import dev.atelier.repos.internal.source.Contents;
import dev.atelier.repos.internal.source.IgnoreRules;
import java.io.IOException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.jspecify.annotations.Nullable;

/**
 * The files of one git commit. Tracked files are indexed even if a {@code .gitignore} matches them
 * (git tracks them after all); {@code .atelierignore} files in the commit, the default skipped
 * folders, binaries and the size limit apply as in a working tree. Symbolic links and submodules
 * have no content of their own here and are skipped with their reason.
 */
public final class GitCommit implements ContentSource {

  private final GitSource source;
  private final ObjectId commit;
  private final ObjectId tree;

  GitCommit(GitSource source, ObjectId commit, ObjectId tree) {
    this.source = requireNonNull(source, "source is null");
    this.commit = requireNonNull(commit, "commit is null");
    this.tree = requireNonNull(tree, "tree is null");
  }

  /** The commit's full hex id. */
  public String id() {
    return commit.name();
  }

  @Override
  public void walk(SourceVisitor visitor) {
    requireNonNull(visitor, "visitor is null");
    Repository repository = source.repository();
    try (ObjectReader reader = repository.newObjectReader();
        ObjectReader rulesReader = repository.newObjectReader();
        TreeWalk walk = new TreeWalk(repository, reader)) {
      IgnoreRules rules =
          new IgnoreRules(
              (folder, name) -> ruleFile(repository, rulesReader, folder, name),
              false,
              source.options().skippedFolders());
      walk.addTree(tree);
      walk.setRecursive(false);
      while (walk.next()) {
        String path = walk.getPathString();
        FileMode mode = walk.getFileMode(0);
        if (!RepoPath.isValid(path)) {
          visitor.skipped(new SkippedFile(path, SkipReason.INVALID_PATH));
          continue;
        }
        boolean directory = mode == FileMode.TREE;
        SkipReason ignored = rules.checkEntry(path, directory);
        if (ignored != null) {
          visitor.skipped(new SkippedFile(directory ? path + "/" : path, ignored));
        } else if (directory) {
          walk.enterSubtree();
        } else if (mode == FileMode.SYMLINK) {
          visitor.skipped(new SkippedFile(path, SkipReason.SYMLINK));
        } else if (mode == FileMode.GITLINK) {
          visitor.skipped(new SkippedFile(path, SkipReason.SUBMODULE));
        } else if (isFile(mode)) {
          file(reader, walk.getObjectId(0), path, visitor);
        } else {
          visitor.skipped(new SkippedFile(path, SkipReason.SPECIAL_FILE, "git mode " + mode));
        }
      }
    } catch (IOException e) {
      throw source.unreadable(e);
    }
  }

  private void file(ObjectReader reader, ObjectId blob, String path, SourceVisitor visitor)
      throws IOException {
    long size = reader.getObjectSize(blob, Constants.OBJ_BLOB);
    long limit = source.options().maxFileBytes();
    if (size > limit) {
      visitor.skipped(
          new SkippedFile(
              path,
              SkipReason.TOO_LARGE,
              Contents.humanBytes(size) + " over the limit of " + Contents.humanBytes(limit)));
      return;
    }
    byte[] bytes = reader.open(blob, Constants.OBJ_BLOB).getCachedBytes(Math.toIntExact(limit));
    if (Contents.looksBinary(bytes)) {
      visitor.skipped(new SkippedFile(path, SkipReason.BINARY));
      return;
    }
    Sha256 sha = source.sha256ByBlob().computeIfAbsent(blob.copy(), id -> Sha256.of(bytes));
    ObjectId id = blob.copy();
    Repository repository = source.repository();
    // Git objects are immutable: the bytes read later are the bytes hashed now.
    ContentReader content = () -> repository.open(id, Constants.OBJ_BLOB).getBytes();
    visitor.file(new SourceFile(new RepoPath(path), sha, size, content));
  }

  /** An ignore file of the commit, or null; read with its own reader beside the walk's. */
  private byte @Nullable [] ruleFile(
      Repository repository, ObjectReader reader, String folder, String name) throws IOException {
    String path = folder.isEmpty() ? name : folder + "/" + name;
    try (TreeWalk found = TreeWalk.forPath(repository, reader, path, tree)) {
      if (found == null || !isFile(found.getFileMode(0))) {
        return null;
      }
      ObjectId id = found.getObjectId(0);
      if (reader.getObjectSize(id, Constants.OBJ_BLOB) > SourceOptions.DEFAULT_MAX_FILE_BYTES) {
        return null;
      }
      return reader.open(id, Constants.OBJ_BLOB).getBytes();
    }
  }

  private static boolean isFile(FileMode mode) {
    return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
  }
}
