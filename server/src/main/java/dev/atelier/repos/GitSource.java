package dev.atelier.repos;

import static java.util.Objects.requireNonNull;

import dev.atelier.platform.AtelierException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * A git repository on disk (bare or with a working tree), read through JGit: any branch, tag or
 * commit, straight from the object database, without a checkout. Close it when done; the {@link
 * SourceFile} readers of its commits read through it.
 */
public final class GitSource implements AutoCloseable {

  private final Repository repository;
  private final SourceOptions options;

  /**
   * Git names content by SHA-1 of header plus bytes, Atelier by SHA-256 of the bytes; one git blob
   * is always the same bytes, so its SHA-256 is worked out once per source, however many commits
   * share it.
   */
  private final Map<ObjectId, Sha256> sha256ByBlob = new ConcurrentHashMap<>();

  private GitSource(Repository repository, SourceOptions options) {
    this.repository = repository;
    this.options = options;
  }

  /** Opens the repository at {@code folder}: a working tree containing {@code .git}, or bare. */
  public static GitSource open(Path folder, SourceOptions options) {
    requireNonNull(folder, "folder is null");
    requireNonNull(options, "options is null");
    File gitDir = RepositoryCache.FileKey.resolve(folder.toFile(), FS.DETECTED);
    if (gitDir == null) {
      throw new AtelierException(ReposError.SOURCE_UNREADABLE, folder + " is not a git repository");
    }
    try {
      Repository repository =
          new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build();
      return new GitSource(repository, options);
    } catch (IOException e) {
      throw new AtelierException(
          ReposError.SOURCE_UNREADABLE,
          "cannot open the git repository at " + folder + ": " + e,
          e);
    }
  }

  public static GitSource open(Path folder) {
    return open(folder, SourceOptions.defaults());
  }

  /** The local branch names, e.g. {@code main}. */
  public List<String> branches() {
    try {
      return repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS).stream()
          .map(Ref::getName)
          .map(name -> name.substring(Constants.R_HEADS.length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /**
   * The tree of a revision: a branch ({@code main}), a full ref, a tag, a commit id or anything
   * else git's rev-parse takes ({@code main~2}); {@link ReposError#REVISION_NOT_FOUND} otherwise.
   */
  public GitCommit at(String revision) {
    requireNonNull(revision, "revision is null");
    try {
      ObjectId id = repository.resolve(revision + "^{commit}");
      if (id == null) {
        throw new AtelierException(
            ReposError.REVISION_NOT_FOUND, "no commit '" + revision + "' in " + describe());
      }
      try (RevWalk walk = new RevWalk(repository)) {
        RevCommit commit = walk.parseCommit(id);
        return new GitCommit(this, commit.getId(), commit.getTree().getId());
      }
    } catch (MissingObjectException | IncorrectObjectTypeException e) {
      throw new AtelierException(
          ReposError.REVISION_NOT_FOUND,
          "no commit '" + revision + "' in " + describe() + " (" + e.getMessage() + ")",
          e);
    } catch (RevisionSyntaxException e) {
      throw new AtelierException(
          ReposError.REVISION_NOT_FOUND, "'" + revision + "' is not a git revision", e);
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  @Override
  public void close() {
    repository.close();
  }

  Repository repository() {
    return repository;
  }

  SourceOptions options() {
    return options;
  }

  Map<ObjectId, Sha256> sha256ByBlob() {
    return sha256ByBlob;
  }

  String describe() {
    return repository.isBare()
        ? repository.getDirectory().toString()
        : String.valueOf(repository.getWorkTree());
  }

  AtelierException unreadable(IOException e) {
    return new AtelierException(
        ReposError.SOURCE_UNREADABLE, "cannot read the git repository " + describe() + ": " + e, e);
  }
}
