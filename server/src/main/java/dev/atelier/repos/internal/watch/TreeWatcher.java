package dev.atelier.repos.internal.watch;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;
import static java.util.Objects.requireNonNull;

import dev.atelier.repos.RepoPath;
import dev.atelier.repos.internal.source.BuildOutputFolders;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a working tree recursively with {@link WatchService} (inotify on Linux: one watch per
 * folder) and reports repository-relative paths that may have changed.
 *
 * <ul>
 *   <li>Folders that appear are registered as they appear, and the files already in them reported
 *       (they may have been written before the watch was in place).
 *   <li>A deleted or renamed-away folder is reported as its own path (the indexer drops everything
 *       under it) and its watches are cancelled; a rename is a delete of the old path and a create
 *       of the new one.
 *   <li>Heavy folders ({@code skippedFolders}, {@code .atelier}, nested {@code .git}) are not
 *       watched. Of the top-level {@code .git} only {@code HEAD} counts: it changes on checkout,
 *       which is reported as a full rescan.
 *   <li>An event-queue overflow, or running out of watches, is reported as a full rescan.
 * </ul>
 */
public final class TreeWatcher implements AutoCloseable {

  /** Receives what changed; called on the watcher's thread, one batch at a time. */
  @FunctionalInterface
  public interface Sink {
    void changed(Set<RepoPath> paths, boolean fullRescan);
  }

  private static final Logger log = LoggerFactory.getLogger(TreeWatcher.class);

  private final Path root;
  private final Path gitDir;
  private final Set<String> skipped;
  private final Sink sink;
  private final WatchService service;
  private final Map<WatchKey, Path> folders = new HashMap<>();
  private final Map<Path, WatchKey> keys = new HashMap<>();
  private final Thread thread;
  private volatile boolean closed;
  private boolean warnedLimit;

  private TreeWatcher(Path root, Set<String> skippedFolders, Sink sink) throws IOException {
    this.root = root;
    this.gitDir = root.resolve(".git");
    this.skipped = Set.copyOf(skippedFolders);
    this.sink = sink;
    this.service = FileSystems.getDefault().newWatchService();
    this.thread =
        Thread.ofPlatform()
            .name("atelier-watch-" + root.getFileName())
            .daemon()
            .unstarted(this::run);
  }

  /**
   * Registers the tree under {@code root} and starts watching it on a thread of its own.
   *
   * @param skippedFolders folder names never watched, at any depth (e.g. {@code node_modules})
   */
  public static TreeWatcher start(Path root, Set<String> skippedFolders, Sink sink)
      throws IOException {
    Path normalized = requireNonNull(root, "root is null").toAbsolutePath().normalize();
    if (!Files.isDirectory(normalized)) {
      throw new IOException("not a folder: " + normalized);
    }
    TreeWatcher watcher =
        new TreeWatcher(
            normalized,
            requireNonNull(skippedFolders, "skippedFolders is null"),
            requireNonNull(sink, "sink is null"));
    long started = System.nanoTime();
    try {
      watcher.registerTree(normalized, null);
      if (Files.isDirectory(watcher.gitDir, LinkOption.NOFOLLOW_LINKS)) {
        watcher.register(watcher.gitDir);
      }
    } catch (IOException | RuntimeException e) {
      watcher.service.close();
      throw e;
    }
    log.info(
        "watching {} ({} folders, registered in {} ms)",
        normalized,
        watcher.watchedFolders(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    watcher.thread.start();
    return watcher;
  }

  public Path root() {
    return root;
  }

  /** Folders watched right now. */
  public synchronized int watchedFolders() {
    return keys.size();
  }

  private boolean skip(Path folder) {
    if (folder.equals(root)) {
      return false;
    }
    String name = String.valueOf(folder.getFileName());
    return name.equals(".git")
        || name.equals(".atelier")
        || (skipped.contains(name)
            && !BuildOutputFolders.isSource(
                name, file -> Files.exists(folder.resolveSibling(file))));
  }

  /**
   * Registers {@code start} and the folders under it; when {@code found} is given, adds the paths
   * of the files and folders met on the way (for folders that appeared after the watch began).
   */
  private void registerTree(Path start, @Nullable Set<RepoPath> found) throws IOException {
    Files.walkFileTree(
        start,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            if (skip(dir)) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            register(dir);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (found != null) {
              addPath(found, file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            // Deleted while walking, or unreadable: its own event (if any) reports it.
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private synchronized void register(Path dir) throws IOException {
    if (keys.containsKey(dir)) {
      return;
    }
    try {
      WatchKey key = dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
      Path previous = folders.put(key, dir);
      if (previous != null && !previous.equals(dir)) {
        keys.remove(previous);
      }
      keys.put(dir, key);
    } catch (NoSuchFileException e) {
      // Gone again already.
    } catch (IOException e) {
      if (closed) {
        throw e;
      }
      // Typically the inotify watch limit (fs.inotify.max_user_watches): keep what we have.
      if (!warnedLimit) {
        warnedLimit = true;
        log.warn(
            "cannot watch {} ({}); changes below it are only picked up by a full re-index."
                + " On Linux, raise fs.inotify.max_user_watches",
            dir,
            e.getMessage());
      }
    }
  }

  /** Cancels the watches of {@code dir} and every folder below it. */
  private synchronized void unregisterTree(Path dir) {
    Iterator<Map.Entry<Path, WatchKey>> entries = keys.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<Path, WatchKey> entry = entries.next();
      if (entry.getKey().startsWith(dir)) {
        entry.getValue().cancel();
        folders.remove(entry.getValue());
        entries.remove();
      }
    }
  }

  private void run() {
    try {
      while (!closed) {
        WatchKey key = service.take();
        Set<RepoPath> paths = new TreeSet<>();
        boolean full = false;
        while (key != null) {
          full |= handle(key, paths);
          key = service.poll();
        }
        if (full || !paths.isEmpty()) {
          try {
            sink.changed(full ? Set.of() : paths, full);
          } catch (RuntimeException e) {
            log.warn("the change sink of {} failed: {}", root, e.toString());
          }
        }
      }
    } catch (ClosedWatchServiceException | InterruptedException e) {
      // closed
    } catch (RuntimeException e) {
      log.error("the file watcher of {} stopped", root, e);
    }
  }

  /** Handles one key's events; returns true when a full rescan is needed. */
  private boolean handle(WatchKey key, Set<RepoPath> paths) {
    Path dir;
    synchronized (this) {
      dir = folders.get(key);
    }
    boolean full = false;
    for (WatchEvent<?> event : key.pollEvents()) {
      if (dir == null) {
        break;
      }
      if (event.kind() == OVERFLOW) {
        full = true;
        rescanRegistrations();
        continue;
      }
      Path child = dir.resolve((Path) event.context());
      if (dir.equals(gitDir)) {
        if (String.valueOf(child.getFileName()).equals("HEAD")) {
          full = true;
        }
        continue;
      }
      if (event.kind() == ENTRY_CREATE) {
        if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
          if (skip(child)) {
            continue;
          }
          try {
            registerTree(child, paths);
          } catch (IOException e) {
            full = true;
          }
        }
        addPath(paths, child);
      } else if (event.kind() == ENTRY_DELETE) {
        unregisterTree(child);
        addPath(paths, child);
      } else if (!Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
        addPath(paths, child);
      }
    }
    if (!key.reset()) {
      synchronized (this) {
        Path gone = folders.remove(key);
        if (gone != null) {
          keys.remove(gone, key);
        }
      }
    }
    return full;
  }

  /** After an overflow: folders created meanwhile may be unwatched. */
  private void rescanRegistrations() {
    try {
      registerTree(root, null);
    } catch (IOException e) {
      log.warn("re-registering {} after an overflow failed: {}", root, e.toString());
    }
  }

  private void addPath(Set<RepoPath> paths, Path file) {
    if (!file.startsWith(root) || file.equals(root)) {
      return;
    }
    StringBuilder relative = new StringBuilder();
    for (Path part : root.relativize(file)) {
      if (!relative.isEmpty()) {
        relative.append('/');
      }
      relative.append(part);
    }
    String value = relative.toString();
    if (RepoPath.isValid(value)) {
      paths.add(RepoPath.of(value));
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      service.close();
    } catch (IOException e) {
      log.debug("closing the watch service of {}: {}", root, e.toString());
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
