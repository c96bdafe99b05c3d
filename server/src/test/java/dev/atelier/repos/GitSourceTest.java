package dev.atelier.repos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.platform.AtelierException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads a repository this test builds with JGit. The source reads a bare clone, which has no
 * working tree at all: whatever it returns came from the object database, not from a checkout.
 */
class GitSourceTest {

  @TempDir Path work;
  @TempDir Path bare;

  private RevCommit first;
  private RevCommit second;
  private RevCommit feature;

  private void write(String path, String text) throws IOException {
    write(path, text.getBytes(StandardCharsets.UTF_8));
  }

  private void write(String path, byte[] bytes) throws IOException {
    Path file = work.resolve(path);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }

  private static RevCommit commit(Git git, String message) throws GitAPIException {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    return git.commit()
        .setMessage(message)
        .setAuthor("Test", "test@atelier.dev")
        .setCommitter("Test", "test@atelier.dev")
        .setSign(false)
        .call();
  }

  @BeforeEach
  void buildRepository() throws Exception {
    try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
      write("README.md", "# v1");
      write("src/App.java", "class App {}");
      write("src/Old.java", "class Old {}");
      // Tracked before a .gitignore matches it (JGit's add has no --force): it stays tracked.
      write("tracked.log", "tracked although ignored");
      first = commit(git, "first");

      git.branchCreate().setName("feature").call();
      git.checkout().setName("feature").call();
      write("src/Feature.java", "class Feature {}");
      feature = commit(git, "feature");

      git.checkout().setName("main").call();
      write("README.md", "# v2");
      Files.delete(work.resolve("src/Old.java"));
      write(".gitignore", "*.log\n");
      write("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
      write("huge.txt", "x".repeat(1024 * 1024 + 1));
      write("node_modules/left/index.js", "module.exports = 1");
      write("go/build/build.go", "package build");
      write("web/package.json", "{}");
      write("web/dist/bundle.js", "bundled");
      write("fixtures/data.json", "{}");
      write(".atelierignore", "fixtures/\n");
      Files.createSymbolicLink(work.resolve("link.md"), Path.of("README.md"));
      second = commit(git, "second");
    }
    Git.cloneRepository()
        .setURI(work.toUri().toString())
        .setDirectory(bare.toFile())
        // A bare clone maps every branch to refs/heads/*, and has no working tree at all.
        .setBare(true)
        .setCloneAllBranches(true)
        .call()
        .close();
  }

  private static Map<String, String> texts(SourceScan scan) {
    return scan.files().stream()
        .collect(
            Collectors.toMap(
                file -> file.path().value(),
                file -> {
                  try {
                    return new String(file.bytes(), StandardCharsets.UTF_8);
                  } catch (IOException e) {
                    throw new AssertionError(e);
                  }
                }));
  }

  @Test
  void readsTheHeadOfABranchFromABareRepository() {
    try (GitSource git = GitSource.open(bare)) {
      GitCommit main = git.at("main");
      SourceScan scan = main.scan();

      assertThat(main.id()).isEqualTo(second.name());
      assertThat(texts(scan))
          .containsOnly(
              Map.entry(".atelierignore", "fixtures/\n"),
              Map.entry(".gitignore", "*.log\n"),
              Map.entry("README.md", "# v2"),
              Map.entry("go/build/build.go", "package build"),
              Map.entry("src/App.java", "class App {}"),
              Map.entry("tracked.log", "tracked although ignored"),
              Map.entry("web/package.json", "{}"));
    }
  }

  @Test
  void readsAnOlderCommitById() {
    try (GitSource git = GitSource.open(bare)) {
      SourceScan scan = git.at(first.name()).scan();

      assertThat(texts(scan))
          .containsOnly(
              Map.entry("README.md", "# v1"),
              Map.entry("src/App.java", "class App {}"),
              Map.entry("src/Old.java", "class Old {}"),
              Map.entry("tracked.log", "tracked although ignored"));
    }
  }

  @Test
  void readsAnotherBranchAndListsBranches() {
    try (GitSource git = GitSource.open(bare)) {
      assertThat(git.branches()).containsExactly("feature", "main");
      assertThat(git.at("feature").id()).isEqualTo(feature.name());
      assertThat(git.at("feature").scan().files())
          .extracting(file -> file.path().value())
          .contains("src/Feature.java")
          .doesNotContain(".gitignore");
    }
  }

  @Test
  void skipsWithReasonsWhatAWorkingTreeWouldSkip() {
    try (GitSource git = GitSource.open(bare)) {
      Map<String, SkipReason> skipped =
          git.at("main").scan().skipped().stream()
              .collect(Collectors.toMap(SkippedFile::path, SkippedFile::reason));

      assertThat(skipped)
          .containsOnly(
              Map.entry("logo.png", SkipReason.BINARY),
              Map.entry("huge.txt", SkipReason.TOO_LARGE),
              Map.entry("node_modules/", SkipReason.VENDORED_FOLDER),
              Map.entry("web/dist/", SkipReason.VENDORED_FOLDER),
              Map.entry("fixtures/", SkipReason.ATELIERIGNORED),
              Map.entry("link.md", SkipReason.SYMLINK));
    }
  }

  @Test
  void identifiesContentBySha256NotByGitsSha1() throws IOException {
    try (GitSource git = GitSource.open(bare)) {
      SourceFile app =
          git.at("main").scan().files().stream()
              .filter(file -> file.path().value().equals("src/App.java"))
              .findFirst()
              .orElseThrow();

      byte[] bytes = "class App {}".getBytes(StandardCharsets.UTF_8);
      String gitBlobId = new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, bytes).name();
      assertThat(app.sha256()).isEqualTo(Sha256.of(bytes));
      assertThat(app.sha256().hex()).doesNotStartWith(gitBlobId);
      assertThat(app.size()).isEqualTo(bytes.length);
      assertThat(app.bytes()).isEqualTo(bytes);
    }
  }

  @Test
  void readsTheWorkingTreesRepositoryToo() {
    try (GitSource git = GitSource.open(work)) {
      assertThat(git.at("main~1").id()).isEqualTo(first.name());
    }
  }

  @Test
  void anUnknownRevisionIsAClearError() {
    try (GitSource git = GitSource.open(bare)) {
      for (String revision :
          List.of("no-such-branch", "0123456789abcdef0123456789abcdef01234567")) {
        assertThatThrownBy(() -> git.at(revision))
            .isInstanceOf(AtelierException.class)
            .hasMessageContaining(revision)
            .extracting(e -> ((AtelierException) e).errorCode())
            .isEqualTo(ReposError.REVISION_NOT_FOUND);
      }
    }
  }

  @Test
  void aFolderThatIsNoRepositoryIsAClearError(@TempDir Path plain) {
    assertThatThrownBy(() -> GitSource.open(plain))
        .isInstanceOf(AtelierException.class)
        .hasMessageContaining("is not a git repository")
        .extracting(e -> ((AtelierException) e).errorCode())
        .isEqualTo(ReposError.SOURCE_UNREADABLE);
  }
}
