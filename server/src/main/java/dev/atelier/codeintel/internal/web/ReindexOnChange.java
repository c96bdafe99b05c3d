package dev.atelier.codeintel.internal.web;

import dev.atelier.codeintel.CodeIndexer;
import dev.atelier.codeintel.IndexListener;
import dev.atelier.repos.BranchChangeHandler;
import dev.atelier.repos.BranchChanges;
import dev.atelier.repos.GitCommit;
import dev.atelier.repos.GitSource;
import dev.atelier.repos.ReposStorage;
import dev.atelier.repos.Repository;
import dev.atelier.repos.RepositoryKind;
import dev.atelier.repos.WorkingTreeSource;
import java.nio.file.Path;

/**
 * What the debouncer's flush does: re-index the changed paths of a working tree (only those are
 * re-hashed, only new content parsed), or the whole branch on a full rescan or for git
 * repositories, whose branches move as a whole.
 */
final class ReindexOnChange implements BranchChangeHandler {

  private final ReposStorage repos;
  private final CodeIndexer indexer;
  private final IndexListener listener;

  ReindexOnChange(ReposStorage repos, CodeIndexer indexer, IndexListener listener) {
    this.repos = repos;
    this.indexer = indexer;
    this.listener = listener;
  }

  @Override
  public void onChanges(BranchChanges changes) throws Exception {
    Repository repository = repos.repositories().require(changes.orgId(), changes.repository());
    Path location = Path.of(repository.location());
    if (repository.kind() == RepositoryKind.GIT) {
      try (GitSource git = GitSource.open(location)) {
        GitCommit commit = git.at(changes.branch());
        indexer.index(repository, changes.branch(), commit, commit.id(), listener);
      }
      return;
    }
    WorkingTreeSource tree = WorkingTreeSource.of(location);
    if (changes.fullRescan()) {
      indexer.index(repository, changes.branch(), tree, null, listener);
    } else {
      indexer.update(repository, changes.branch(), tree, changes.paths(), listener);
    }
  }
}
