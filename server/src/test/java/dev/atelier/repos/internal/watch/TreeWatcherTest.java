package dev.atelier.repos.internal.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.repos.RepoPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recursive watcher on a real temp folder (inotify on Linux). */
class TreeWatcherTest {

  @TempDir Path root;
  private final Set<RepoPath> seen = new TreeSet<>();
  private final AtomicBoolean full = new AtomicBoolean();
  private TreeWatcher watcher;

  private void start() throws Exception {
    watcher =
        TreeWatcher.start(
            root,
            Set.of("node_modules", "target", "build", ".git", ".atelier"),
            (paths, fullRescan) -> {
              synchronized (seen) {
                seen.addAll(paths);
                full.compareAndSet(false, fullRescan);
                seen.notifyAll();
              }
            });
  }

  @AfterEach
  void close() {
    if (watcher != null) {
      watcher.close();
    }
  }

  private void awaitSeen(String... paths) throws InterruptedException {
    Set<RepoPath> wanted = new TreeSet<>();
    for (String path : paths) {
      wanted.add(RepoPath.of(path));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    synchronized (seen) {
      while (!seen.containsAll(wanted) && System.nanoTime() < deadline) {
        seen.wait(100);
      }
      assertThat(seen).containsAll(wanted);
    }
  }

  private void awaitFull() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    synchronized (seen) {
      while (!full.get() && System.nanoTime() < deadline) {
        seen.wait(100);
      }
    }
    assertThat(full).isTrue();
  }

  private Set<RepoPath> seen() {
    synchronized (seen) {
      return new TreeSet<>(seen);
    }
  }

  @Test
  void seesFilesCreatedModifiedAndDeleted() throws Exception {
    Files.writeString(root.resolve("old.txt"), "x");
    Files.createDirectories(root.resolve("src/main"));
    Files.writeString(root.resolve("src/main/App.java"), "class App {}");
    start();

    Files.writeString(root.resolve("new.txt"), "new");
    Files.writeString(root.resolve("src/main/App.java"), "class App { int x; }");
    Files.delete(root.resolve("old.txt"));

    awaitSeen("new.txt", "src/main/App.java", "old.txt");
    assertThat(full).isFalse();
  }

  @Test
  void watchesFoldersThatAppearAndReportsFilesAlreadyInThem() throws Exception {
    start();

    Path deep = Files.createDirectories(root.resolve("a/b/c"));
    Files.writeString(deep.resolve("early.txt"), "written as the folder appeared");
    awaitSeen("a/b/c/early.txt");

    Files.writeString(deep.resolve("late.txt"), "written later");
    awaitSeen("a/b/c/late.txt");
  }

  @Test
  void reportsBothSidesOfARenameAndFollowsARenamedFolder() throws Exception {
    Files.createDirectories(root.resolve("pkg/inner"));
    Files.writeString(root.resolve("pkg/inner/A.java"), "a");
    Files.writeString(root.resolve("Old.java"), "o");
    start();

    Files.move(root.resolve("Old.java"), root.resolve("New.java"), StandardCopyOption.ATOMIC_MOVE);
    Files.move(root.resolve("pkg"), root.resolve("moved"), StandardCopyOption.ATOMIC_MOVE);
    awaitSeen("Old.java", "New.java", "pkg", "moved", "moved/inner/A.java");

    Files.writeString(root.resolve("moved/inner/B.java"), "b");
    awaitSeen("moved/inner/B.java");
    assertThat(seen()).noneMatch(path -> path.value().startsWith("pkg/inner/B"));
  }

  @Test
  void reportsADeletedFolderAsItsOwnPath() throws Exception {
    Files.createDirectories(root.resolve("gone/sub"));
    Files.writeString(root.resolve("gone/sub/x.txt"), "x");
    start();

    Files.delete(root.resolve("gone/sub/x.txt"));
    Files.delete(root.resolve("gone/sub"));
    Files.delete(root.resolve("gone"));

    awaitSeen("gone", "gone/sub", "gone/sub/x.txt");
    // The watches of deleted folders are cancelled as their events are processed.
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (watcher.watchedFolders() != 1 && System.nanoTime() < deadline) {
      java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
    }
    assertThat(watcher.watchedFolders()).isEqualTo(1);
  }

  @Test
  void watchesASourcePackageNamedLikeBuildOutput() throws Exception {
    Files.createDirectories(root.resolve("go/build"));
    start();

    Files.writeString(root.resolve("go/build/build.go"), "package build\n");
    awaitSeen("go/build/build.go");
  }

  @Test
  void ignoresHeavyFoldersAndGitInternalsButTreatsACheckoutAsAFullRescan() throws Exception {
    Files.createDirectories(root.resolve("node_modules/lib"));
    Files.createDirectories(root.resolve(".git/refs/heads"));
    Files.writeString(root.resolve(".git/HEAD"), "ref: refs/heads/main\n");
    Files.writeString(root.resolve("pom.xml"), "<project/>\n"); // target/ is Maven's output here
    start();

    Files.writeString(root.resolve("node_modules/lib/index.js"), "x");
    Files.createDirectories(root.resolve("target/classes"));
    Files.writeString(root.resolve("target/classes/A.class"), "x");
    Files.writeString(root.resolve(".git/refs/heads/main"), "abc\n");
    Files.writeString(root.resolve("real.txt"), "x");
    awaitSeen("real.txt");
    assertThat(seen()).noneMatch(p -> p.value().startsWith("node_modules/"));
    assertThat(seen()).noneMatch(p -> p.value().startsWith("target/"));
    assertThat(seen()).noneMatch(p -> p.value().startsWith(".git"));
    assertThat(full).isFalse();

    Path lock = root.resolve(".git/HEAD.lock");
    Files.writeString(lock, "ref: refs/heads/other\n");
    Files.move(
        lock,
        root.resolve(".git/HEAD"),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    awaitFull();
  }

  @Test
  void registersATreeOfSixHundredFoldersQuickly() throws Exception {
    for (int i = 0; i < 30; i++) {
      for (int j = 0; j < 20; j++) {
        Files.createDirectories(root.resolve("pkg" + i + "/sub" + j));
      }
    }
    long started = System.nanoTime();
    start();
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(watcher.watchedFolders()).isEqualTo(1 + 30 + 600);
    assertThat(took).isLessThan(Duration.ofSeconds(3));
    Files.writeString(root.resolve("pkg29/sub19/last.go"), "package x");
    awaitSeen("pkg29/sub19/last.go");
  }
}
