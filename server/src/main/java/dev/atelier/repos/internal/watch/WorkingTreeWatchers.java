package dev.atelier.repos.internal.watch;

import static java.util.Objects.requireNonNull;

import dev.atelier.repos.BranchChanges;
import dev.atelier.repos.ChangeDebouncer;
import dev.atelier.repos.Repositories;
import dev.atelier.repos.Repository;
import dev.atelier.repos.RepositoryId;
import dev.atelier.repos.RepositoryKind;
import dev.atelier.repos.SourceOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file watchers of {@code serve} in local mode: one {@link TreeWatcher} per working-tree
 * repository, feeding the {@link ChangeDebouncer} with changes of the repository's default branch
 * (a folder on disk has one state). Registration code calls {@link #watch(Repository)} for a
 * repository registered while serving.
 */
public final class WorkingTreeWatchers implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WorkingTreeWatchers.class);

  private final ChangeDebouncer debouncer;
  private final Set<String> skippedFolders;
  private final Map<RepositoryId, TreeWatcher> watchers = new ConcurrentHashMap<>();

  public WorkingTreeWatchers(ChangeDebouncer debouncer) {
    this(debouncer, SourceOptions.DEFAULT_SKIPPED_FOLDERS);
  }

  public WorkingTreeWatchers(ChangeDebouncer debouncer, Set<String> skippedFolders) {
    this.debouncer = requireNonNull(debouncer, "debouncer is null");
    Set<String> skipped = new HashSet<>(skippedFolders);
    skipped.add(".git");
    skipped.add(".atelier");
    this.skippedFolders = Set.copyOf(skipped);
  }

  /** Watches every registered working tree, of every org, whose folder exists. */
  public void watchAll(Repositories repositories) {
    List<Repository> all = repositories.listOfEveryOrg();
    for (Repository repository : all) {
      watch(repository);
    }
  }

  /** Starts watching a working-tree repository; false when it is not one or cannot be watched. */
  public boolean watch(Repository repository) {
    if (repository.kind() != RepositoryKind.WORKING_TREE) {
      return false;
    }
    Path root;
    try {
      root = Path.of(repository.location());
    } catch (InvalidPathException e) {
      return false;
    }
    if (!Files.isDirectory(root)) {
      log.warn("not watching repository {}: {} is not a folder", repository.name(), root);
      return false;
    }
    synchronized (watchers) {
      if (watchers.containsKey(repository.id())) {
        return true;
      }
      RepositoryId id = repository.id();
      long orgId = repository.orgId();
      String branch = repository.defaultBranch();
      try {
        TreeWatcher watcher =
            TreeWatcher.start(
                root,
                skippedFolders,
                (paths, full) -> {
                  try {
                    debouncer.submit(new BranchChanges(orgId, id, branch, paths, full));
                  } catch (IllegalStateException closing) {
                    // shutting down
                  }
                });
        watchers.put(id, watcher);
        return true;
      } catch (IOException e) {
        log.warn("cannot watch repository {} at {}: {}", repository.name(), root, e.toString());
        return false;
      }
    }
  }

  public void unwatch(RepositoryId id) {
    TreeWatcher watcher = watchers.remove(id);
    if (watcher != null) {
      watcher.close();
    }
  }

  public Set<RepositoryId> watched() {
    return Set.copyOf(watchers.keySet());
  }

  @Override
  public void close() {
    for (RepositoryId id : List.copyOf(watchers.keySet())) {
      unwatch(id);
    }
  }
}
