package dev.atelier.repos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingTreeSourceTest {

  @TempDir Path root;

  private void write(String path, String text) throws IOException {
    write(path, text.getBytes(StandardCharsets.UTF_8));
  }

  private void write(String path, byte[] bytes) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }

  private static List<String> paths(SourceScan scan) {
    return scan.files().stream().map(file -> file.path().value()).toList();
  }

  private static Map<String, SkipReason> skips(SourceScan scan) {
    return scan.skipped().stream()
        .collect(Collectors.toMap(SkippedFile::path, SkippedFile::reason));
  }

  @Nested
  class IgnoreFiles {

    @Test
    void honoursGitignoreRulesAtEveryLevel() throws IOException {
      write(
          ".gitignore",
          """
          # comments and blank lines are not rules

          *.log
          !keep.log
          /secret.txt
          tmp/
          docs/**/draft.md
          """);
      write("sub/.gitignore", "local.txt\n!debug.log\n");
      for (String path :
          List.of(
              "app.log",
              "keep.log",
              "secret.txt",
              "sub/secret.txt",
              "tmp/scratch.txt",
              "sub/tmp",
              "docs/draft.md",
              "docs/a/b/draft.md",
              "docs/final.md",
              "local.txt",
              "sub/local.txt",
              "sub/debug.log",
              "sub/other.log")) {
        write(path, "content of " + path);
      }

      SourceScan scan = WorkingTreeSource.of(root).scan();

      assertThat(paths(scan))
          .containsExactly(
              ".gitignore",
              "docs/final.md",
              "keep.log",
              "local.txt",
              "sub/.gitignore",
              "sub/debug.log",
              "sub/secret.txt",
              "sub/tmp");
      assertThat(skips(scan))
          .containsEntry("app.log", SkipReason.GITIGNORED)
          .containsEntry("secret.txt", SkipReason.GITIGNORED)
          .containsEntry("tmp/", SkipReason.GITIGNORED)
          .containsEntry("docs/draft.md", SkipReason.GITIGNORED)
          .containsEntry("docs/a/b/draft.md", SkipReason.GITIGNORED)
          .containsEntry("sub/local.txt", SkipReason.GITIGNORED)
          .containsEntry("sub/other.log", SkipReason.GITIGNORED)
          .doesNotContainKey("tmp/scratch.txt");
    }

    @Test
    void aFileInsideAnIgnoredFolderCannotBeReincluded() throws IOException {
      write(".gitignore", "generated/\n!generated/keep.txt\n");
      write("generated/keep.txt", "still ignored, as in git");

      SourceScan scan = WorkingTreeSource.of(root).scan();

      assertThat(paths(scan)).containsExactly(".gitignore");
      assertThat(skips(scan)).containsEntry("generated/", SkipReason.GITIGNORED);
    }

    @Test
    void honoursGitInfoExclude() throws IOException {
      write(".git/info/exclude", "*.secret\n");
      write("token.secret", "s3cr3t");
      write("main.go", "package main");

      SourceScan scan = WorkingTreeSource.of(root).scan();

      assertThat(paths(scan)).containsExactly("main.go");
      assertThat(skips(scan)).containsEntry("token.secret", SkipReason.GITIGNORED);
    }

    @Test
    void atelierignoreLeavesOutMoreAndCanReincludeDefaultFolders() throws IOException {
      write(".atelierignore", "fixtures/\n*.snap\n!vendor/\n");
      write(".gitignore", "!fixtures/\n");
      write("fixtures/big.json", "{}");
      write("ui/button.snap", "snapshot");
      write("vendor/lib/lib.go", "package lib");
      write("node_modules/react/index.js", "module.exports = {}");
      write("sub/.atelierignore", "!local.snap\n");
      write("sub/local.snap", "kept by the deeper rule");

      SourceScan scan = WorkingTreeSource.of(root).scan();

      assertThat(paths(scan))
          .containsExactly(
              ".atelierignore",
              ".gitignore",
              "sub/.atelierignore",
              "sub/local.snap",
              "vendor/lib/lib.go");
      assertThat(skips(scan))
          .containsEntry("fixtures/", SkipReason.ATELIERIGNORED)
          .containsEntry("ui/button.snap", SkipReason.ATELIERIGNORED)
          .containsEntry("node_modules/", SkipReason.VENDORED_FOLDER);
    }

    @Test
    void skipsVendoredAndGeneratedFoldersAtAnyDepthByDefault() throws IOException {
      for (String folder :
          List.of("node_modules", "vendor", "dist", "build", "target", ".venv", "__pycache__")) {
        write("web/" + folder + "/x.txt", "generated");
      }
      write("web/src/app.ts", "export {}");
      write("web/package.json", "{}");
      write(".git/HEAD", "ref: refs/heads/main");

      SourceScan scan = WorkingTreeSource.of(root).scan();

      assertThat(paths(scan)).containsExactly("web/package.json", "web/src/app.ts");
      assertThat(scan.skipped())
          .hasSize(7)
          .allSatisfy(skip -> assertThat(skip.reason()).isEqualTo(SkipReason.VENDORED_FOLDER));
    }

    @Test
    void aPackageNamedLikeBuildOutputIsSourceWhereNoBuildFileIsBeside() throws IOException {
      write("go/build/build.go", "package build");
      write("cmd/dist/main.go", "package main");
      write("app/package.json", "{}");
      write("app/dist/bundle.js", "bundled");
      write("lib/vendor/dep.go", "package dep");

      SourceScan scan = WorkingTreeSource.of(root).scan();

      assertThat(paths(scan))
          .containsExactlyInAnyOrder("go/build/build.go", "cmd/dist/main.go", "app/package.json");
      assertThat(scan.skipped())
          .extracting(SkippedFile::path)
          .containsExactlyInAnyOrder("app/dist/", "lib/vendor/");
    }

    @Test
    void theSkippedFoldersAreConfigurable() throws IOException {
      write("build/gen.txt", "kept when build is not skipped");
      write("legacy/old.txt", "skipped by configuration");

      SourceScan scan =
          new WorkingTreeSource(
                  root, SourceOptions.defaults().withSkippedFolders(java.util.Set.of("legacy")))
              .scan();

      assertThat(paths(scan)).containsExactly("build/gen.txt");
    }
  }

  @Nested
  class BadFiles {

    @Test
    void skipsBinariesByANulByteInTheFirst8KiB() throws IOException {
      write("image.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
      byte[] lateNul = new byte[10_000];
      java.util.Arrays.fill(lateNul, (byte) 'a');
      lateNul[9_000] = 0;
      write("late-nul.txt", lateNul);

      SourceScan scan = WorkingTreeSource.of(root).scan();

      assertThat(skips(scan)).containsExactly(Map.entry("image.png", SkipReason.BINARY));
      assertThat(paths(scan)).containsExactly("late-nul.txt");
    }

    @Test
    void skipsFilesOverTheSizeLimitWhichDefaultsTo1MiB() throws IOException {
      write("at-limit.txt", "a".repeat(1024 * 1024));
      write("over-limit.txt", "a".repeat(1024 * 1024 + 1));

      SourceScan defaults = WorkingTreeSource.of(root).scan();
      SourceScan small =
          new WorkingTreeSource(root, SourceOptions.defaults().withMaxFileBytes(1000)).scan();

      assertThat(paths(defaults)).containsExactly("at-limit.txt");
      assertThat(defaults.skipped())
          .singleElement()
          .satisfies(skip -> {
            assertThat(skip.reason()).isEqualTo(SkipReason.TOO_LARGE);
            assertThat(skip.detail()).contains("1.0 MiB");
          });
      assertThat(paths(small)).isEmpty();
    }

    @Test
    void neverFollowsSymbolicLinksOutOfTheRoot(@TempDir Path outside) throws IOException {
      Files.writeString(outside.resolve("passwords.txt"), "hunter2");
      write("real.txt", "inside");
      write("dir/inner.txt", "inside too");
      Files.createSymbolicLink(root.resolve("leak.txt"), outside.resolve("passwords.txt"));
      Files.createSymbolicLink(root.resolve("leak-dir"), outside);
      Files.createSymbolicLink(root.resolve("alias.txt"), root.resolve("real.txt"));
      Files.createSymbolicLink(root.resolve("loop"), root);
      Files.createSymbolicLink(root.resolve("dangling.txt"), root.resolve("nothing-here"));

      SourceScan scan = WorkingTreeSource.of(root).scan();

      assertThat(paths(scan)).containsExactly("alias.txt", "dir/inner.txt", "real.txt");
      assertThat(skips(scan))
          .containsEntry("leak.txt", SkipReason.SYMLINK_OUTSIDE_ROOT)
          .containsEntry("leak-dir", SkipReason.SYMLINK_OUTSIDE_ROOT)
          .containsEntry("loop", SkipReason.SYMLINKED_DIRECTORY)
          .containsEntry("dangling.txt", SkipReason.BROKEN_SYMLINK);
    }

    @Test
    void recordsUnreadableFilesAndGoesOn() throws IOException {
      write("locked.txt", "no access");
      write("open.txt", "fine");
      // Root reads any file whatever its mode, so the refusal is simulated at the read itself.
      WorkingTreeSource source =
          new WorkingTreeSource(
              root,
              SourceOptions.defaults(),
              file -> {
                if (file.getFileName().toString().equals("locked.txt")) {
                  throw new AccessDeniedException(file.toString());
                }
                return Files.readAllBytes(file);
              });

      SourceScan scan = source.scan();

      assertThat(paths(scan)).containsExactly("open.txt");
      assertThat(scan.skipped())
          .singleElement()
          .satisfies(skip -> {
            assertThat(skip.path()).isEqualTo("locked.txt");
            assertThat(skip.reason()).isEqualTo(SkipReason.UNREADABLE);
            assertThat(skip.detail()).contains("AccessDeniedException");
          });
    }

    @Test
    void walksVeryDeepTrees() throws IOException {
      String deep = "d/".repeat(400) + "bottom.txt";
      write(deep, "found");

      assertThat(paths(WorkingTreeSource.of(root).scan())).containsExactly(deep);
    }

    @Test
    void keepsTextThatIsNotUtf8() throws IOException {
      write("latin1.txt", new byte[] {'c', 'a', 'f', (byte) 0xe9});

      assertThat(paths(WorkingTreeSource.of(root).scan())).containsExactly("latin1.txt");
    }
  }

  @Nested
  class Content {

    @Test
    void identifiesFilesBySha256OfTheirBytesAndReadsThemLater() throws IOException {
      write("src/App.java", "class App {}");

      SourceFile file = WorkingTreeSource.of(root).scan().files().get(0);

      byte[] bytes = "class App {}".getBytes(StandardCharsets.UTF_8);
      assertThat(file.sha256()).isEqualTo(Sha256.of(bytes));
      // The same value as `printf 'class App {}' | sha256sum`.
      assertThat(file.sha256().hex())
          .isEqualTo("42f26956ba1a845d48ac0db6270beddc5d864212ef56efe8a7964871297b9da3");
      assertThat(file.size()).isEqualTo(bytes.length);
      assertThat(file.bytes()).isEqualTo(bytes);
    }

    @Test
    void refusesToHandOutContentThatChangedSinceTheScan() throws IOException {
      write("src/App.java", "class App {}");
      SourceFile file = WorkingTreeSource.of(root).scan().files().get(0);

      write("src/App.java", "class App { int changed; }");

      assertThatThrownBy(file::bytes)
          .isInstanceOf(SourceChangedException.class)
          .hasMessageContaining("src/App.java");
    }
  }

  @Nested
  class Lookup {

    @Test
    void findsAChangedFileByItsPath() throws IOException {
      write("src/App.java", "class App {}");

      SourceEntry entry = WorkingTreeSource.of(root).lookup(RepoPath.of("src/App.java"));

      assertThat(entry)
          .isInstanceOfSatisfying(
              SourceFile.class,
              file ->
                  assertThat(file.sha256())
                      .isEqualTo(Sha256.of("class App {}".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void reportsADeletedFileAsNotFound() {
      assertThat(WorkingTreeSource.of(root).lookup(RepoPath.of("gone.txt")))
          .isEqualTo(new SkippedFile("gone.txt", SkipReason.NOT_FOUND));
    }

    @Test
    void reportsAPathUnderWhatIsNowAFileAsNotFound() throws IOException {
      write("was-a-folder", "now a file");

      assertThat(WorkingTreeSource.of(root).lookup(RepoPath.of("was-a-folder/App.java")))
          .isEqualTo(new SkippedFile("was-a-folder/App.java", SkipReason.NOT_FOUND));
    }

    @Test
    void appliesTheRulesOfEveryAncestorFolder() throws IOException {
      write(".gitignore", "out-of-tree/\n");
      write("out-of-tree/a/b.txt", "ignored");
      write("web/node_modules/x/index.js", "vendored");
      write(".git/config", "[core]");

      WorkingTreeSource source = WorkingTreeSource.of(root);
      Function<String, SkipReason> reason =
          path -> ((SkippedFile) source.lookup(RepoPath.of(path))).reason();

      assertThat(reason.apply("out-of-tree/a/b.txt")).isEqualTo(SkipReason.GITIGNORED);
      assertThat(reason.apply("web/node_modules/x/index.js")).isEqualTo(SkipReason.VENDORED_FOLDER);
      assertThat(reason.apply(".git/config")).isEqualTo(SkipReason.GIT_DIRECTORY);
    }

    @Test
    void doesNotFollowALinkedFolderToReachAFile(@TempDir Path outside) throws IOException {
      Files.writeString(outside.resolve("secret.txt"), "hunter2");
      Files.createSymbolicLink(root.resolve("linked"), outside);

      assertThat(WorkingTreeSource.of(root).lookup(RepoPath.of("linked/secret.txt")))
          .extracting(entry -> ((SkippedFile) entry).reason())
          .isEqualTo(SkipReason.SYMLINKED_DIRECTORY);
    }
  }
}
