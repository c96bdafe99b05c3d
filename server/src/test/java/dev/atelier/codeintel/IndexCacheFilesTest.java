package dev.atelier.codeintel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.PrivateFiles;
import dev.atelier.repos.Branch;
import dev.atelier.repos.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The graph and the search index a core builds are kept in the data folder's cache files, so a
 * second core (a new {@code atelier mcp} process) on the same folder loads them instead of
 * rebuilding; a new manifest or a damaged file is rebuilt, never trusted.
 */
class IndexCacheFilesTest {

  @TempDir Path tree;
  @TempDir Path data;

  /** What the two cached structures answer, to compare across cores. */
  private record Answers(
      List<String> mapFiles,
      List<String> searchHits,
      List<String> symbols,
      long loads,
      long builds) {}

  @BeforeEach
  void writeTree() throws IOException {
    Files.writeString(
        tree.resolve("PasswordHasher.java"),
        """
        package app;

        /** Hashes passwords with a salt. */
        public class PasswordHasher {
          public String hash(String password) {
            return Integer.toHexString(password.hashCode());
          }
        }
        """);
    Files.writeString(
        tree.resolve("Login.java"),
        """
        package app;

        public class Login {
          private final PasswordHasher hasher = new PasswordHasher();

          public boolean check(String password, String stored) {
            return hasher.hash(password).equals(stored);
          }
        }
        """);
  }

  private AtelierSettings settings() {
    return AtelierSettings.local(tree).withDataDir(data);
  }

  private void index() throws InterruptedException {
    try (CodeIntelligence core = CodeIntelligence.open(settings(), 1)) {
      core.indexWorkingTree(tree, IndexListener.NONE);
    }
  }

  /** A fresh core, as a new process opens one: a repo map and a search, then its cache counts. */
  private Answers freshCore(String query) {
    try (CodeIntelligence core = CodeIntelligence.open(settings(), 1)) {
      Repository repository = core.workingTree(tree);
      Branch branch =
          core.repos()
              .branches()
              .find(repository.orgId(), repository.id(), repository.defaultBranch())
              .orElseThrow();
      List<String> map =
          core.analysis().repoMap(branch, List.of(), 10, 3).files().stream()
              .map(GraphAnalysis.MapFile::path)
              .toList();
      List<String> hits =
          core
              .semanticSearch()
              .search(repository, branch, new SemanticSearch.Query(query, 5, false))
              .files()
              .stream()
              .map(SemanticSearch.FileHit::path)
              .toList();
      List<String> symbols =
          core.search().symbols(repository, branch.name(), "Hash", Set.of(), 10).stream()
              .map(SymbolHit::name)
              .toList();
      return new Answers(map, hits, symbols, core.caches().loads(), core.caches().builds());
    }
  }

  private List<Path> cacheFiles() throws IOException {
    try (Stream<Path> files = Files.list(data.resolve("cache"))) {
      return files.sorted().toList();
    }
  }

  @Test
  void aSecondCoreOnTheSameDataFolderLoadsTheFilesInsteadOfRebuilding() throws Exception {
    index();
    Answers first = freshCore("password hasher");
    List<Path> files = cacheFiles();
    List<FileTime> written = files.stream().map(IndexCacheFilesTest::modified).toList();

    Answers second = freshCore("password hasher");

    assertThat(first.builds())
        .as("graph, search index and symbol names built by the first core")
        .isEqualTo(3);
    assertThat(first.loads()).isZero();
    assertThat(second.loads()).as("all three read from the files").isEqualTo(3);
    assertThat(second.builds()).as("nothing rebuilt").isZero();
    assertThat(second.mapFiles()).isEqualTo(first.mapFiles());
    assertThat(second.searchHits()).isEqualTo(first.searchHits()).startsWith("PasswordHasher.java");
    assertThat(second.symbols()).isEqualTo(first.symbols()).contains("PasswordHasher", "hash");
    assertThat(cacheFiles()).isEqualTo(files);
    assertThat(files.stream().map(IndexCacheFilesTest::modified)).isEqualTo(written);
    assertThat(files)
        .extracting(f -> f.getFileName().toString())
        .allMatch(name -> name.endsWith(".bin"))
        .anyMatch(name -> name.startsWith("graph-"))
        .anyMatch(name -> name.startsWith("retrieval-"))
        .anyMatch(name -> name.startsWith("symbols-"));
    for (Path file : files) {
      assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PrivateFiles.OWNER_ONLY);
    }
  }

  @Test
  void aNewManifestMakesTheNextCoreRebuildAndSeeTheChange() throws Exception {
    index();
    Answers before = freshCore("token bucket refill");
    assertThat(before.searchHits()).doesNotContain("RateLimiter.java");

    Files.writeString(
        tree.resolve("RateLimiter.java"),
        """
        package app;

        /** A token bucket: refill tokens at a fixed rate. */
        public class RateLimiter {
          public boolean refill(PasswordHasher unused) {
            return true;
          }
        }
        """);
    index();
    Answers after = freshCore("token bucket refill");

    assertThat(after.loads()).as("files of the old manifest are not reused").isZero();
    assertThat(after.builds()).isEqualTo(3);
    assertThat(after.searchHits()).startsWith("RateLimiter.java");
    assertThat(after.mapFiles()).contains("RateLimiter.java");
    assertThat(freshCore("token bucket refill").loads())
        .as("the new files are reused")
        .isEqualTo(3);
  }

  @Test
  void aDatabaseMadeAgainBesideOldCacheFilesDoesNotReuseThem() throws Exception {
    index();
    freshCore("password hasher");
    try (Stream<Path> files = Files.list(data)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().startsWith("atelier.db")).toList()) {
        Files.delete(file);
      }
    }
    Files.writeString(
        tree.resolve("PasswordHasher.java"),
        "package app;\n\npublic class TokenBucket {\n  public void refill() {}\n}\n");
    index();

    Answers again = freshCore("token bucket");

    assertThat(again.loads()).as("same manifest ids, another database").isZero();
    assertThat(again.searchHits()).startsWith("PasswordHasher.java");
    assertThat(again.symbols()).doesNotContain("PasswordHasher");
  }

  @Test
  void truncatedOrOverwrittenFilesAreRebuiltAndGiveTheSameAnswers() throws Exception {
    index();
    Answers clean = freshCore("password hasher");
    for (Path file : cacheFiles()) {
      if (file.getFileName().toString().startsWith("symbols-")) {
        continue;
      }
      byte[] bytes = Files.readAllBytes(file);
      if (file.getFileName().toString().startsWith("graph-")) {
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
      } else {
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(file, bytes);
      }
    }

    Answers damaged = freshCore("password hasher");

    assertThat(damaged.loads()).as("the symbol names' file was left whole").isEqualTo(1);
    assertThat(damaged.builds()).isEqualTo(2);
    assertThat(damaged.mapFiles()).isEqualTo(clean.mapFiles());
    assertThat(damaged.searchHits()).isEqualTo(clean.searchHits());
    assertThat(damaged.symbols()).isEqualTo(clean.symbols());
    assertThat(freshCore("password hasher").loads()).as("rewritten whole").isEqualTo(3);
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
