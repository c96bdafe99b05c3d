package dev.atelier.repos;

/**
 * Receives the coalesced changes of one branch from the {@link ChangeDebouncer}: the seam between
 * the change feed (HTTP notifications, the file watcher, git hooks) and the indexer.
 *
 * <p>The debouncer calls it for at most one flush per branch at a time, on a thread of its own, so
 * it may take as long as indexing takes. If it throws, the changes are kept and handed over again
 * later, merged with whatever arrived meanwhile.
 */
@FunctionalInterface
public interface BranchChangeHandler {

  void onChanges(BranchChanges changes) throws Exception;
}
