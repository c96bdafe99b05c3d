package dev.atelier.codeintel;

import dev.atelier.repos.Repository;

/** Hears how an index run is going, e.g. to publish progress events. */
public interface IndexListener {

  IndexListener NONE = new IndexListener() {};

  /** The run has listed the files it will look at. */
  default void started(Repository repository, String branch, int files) {}

  /** {@code done} of {@code total} files are indexed. */
  default void progress(Repository repository, String branch, int done, int total) {}

  /** The run switched the branch to its new manifest. */
  default void completed(Repository repository, IndexSummary summary) {}

  /** The run failed; the branch keeps its last complete manifest. */
  default void failed(Repository repository, String branch, String message) {}

  /** This listener, then {@code next}, for every event. */
  default IndexListener andThen(IndexListener next) {
    IndexListener first = this;
    return new IndexListener() {
      @Override
      public void started(Repository repository, String branch, int files) {
        first.started(repository, branch, files);
        next.started(repository, branch, files);
      }

      @Override
      public void progress(Repository repository, String branch, int done, int total) {
        first.progress(repository, branch, done, total);
        next.progress(repository, branch, done, total);
      }

      @Override
      public void completed(Repository repository, IndexSummary summary) {
        first.completed(repository, summary);
        next.completed(repository, summary);
      }

      @Override
      public void failed(Repository repository, String branch, String message) {
        first.failed(repository, branch, message);
        next.failed(repository, branch, message);
      }
    };
  }
}
