package dev.atelier.repos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Database;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The storage model's behaviour, run once against SQLite and once against PostgreSQL by the two
 * subclasses. Each test works in an org of its own, so tests sharing a database never meet.
 */
abstract class ReposStorageContract {

  private Database database;
  private ReposStorage storage;
  private long org;

  /** A freshly opened and migrated database of the dialect under test. */
  abstract Database openDatabase() throws Exception;

  /** How {@link KilledManifestWriter} opens the same database: dialect, then location. */
  abstract List<String> databaseArguments();

  @BeforeEach
  void open() throws Exception {
    database = openDatabase();
    storage = ReposStorage.of(database);
    org = newOrg();
  }

  @AfterEach
  void close() {
    database.close();
  }

  private long newOrg() {
    String slug = "org-" + UUID.randomUUID();
    return JdbcClient.create(database.dataSource())
        .sql("INSERT INTO orgs (slug, name) VALUES (?, ?) RETURNING id")
        .params(slug, slug)
        .query(Long.class)
        .single();
  }

  private Repository register(long orgId, String name) {
    return storage
        .repositories()
        .register(
            orgId, new NewRepository(name, RepositoryKind.WORKING_TREE, "/srv/" + name, "main"));
  }

  private Branch branch(long orgId, String repository, String name) {
    Repository repo =
        storage
            .repositories()
            .findByName(orgId, repository)
            .orElseGet(() -> register(orgId, repository));
    return storage.branches().ensure(orgId, repo.id(), name);
  }

  /** Stores each text and returns the manifest entries naming them. */
  private List<ManifestEntry> store(long orgId, Map<String, String> files) {
    List<ManifestEntry> entries = new ArrayList<>();
    files.forEach((path, text) -> {
      NewBlob blob = NewBlob.text(text.getBytes(StandardCharsets.UTF_8));
      storage.blobs().put(orgId, blob);
      entries.add(new ManifestEntry(RepoPath.of(path), blob.sha()));
    });
    return entries;
  }

  private static Map<String, String> files(int count, String salt) {
    Map<String, String> files = new java.util.TreeMap<>();
    IntStream.range(0, count)
        .forEach(i -> files.put("src/File" + i + ".java", "class File" + i + " {" + salt + "}"));
    return files;
  }

  private static Sha256 sha(String text) {
    return Sha256.of(text.getBytes(StandardCharsets.UTF_8));
  }

  @Nested
  class RepositoriesAndBranches {

    @Test
    void findsARegisteredRepositoryByIdNameAndLocation() {
      Repository repo = register(org, "atelier");

      assertThat(storage.repositories().find(org, repo.id())).contains(repo);
      assertThat(storage.repositories().findByName(org, "atelier")).contains(repo);
      assertThat(storage.repositories().findByLocation(org, "/srv/atelier")).contains(repo);
      assertThat(storage.repositories().list(org)).containsExactly(repo);
      assertThat(repo.kind()).isEqualTo(RepositoryKind.WORKING_TREE);
      assertThat(repo.defaultBranch()).isEqualTo("main");
    }

    @Test
    void refusesASecondRepositoryWithTheSameName() {
      register(org, "atelier");

      assertThatThrownBy(() ->
              storage
                  .repositories()
                  .register(
                      org, new NewRepository("atelier", RepositoryKind.GIT, "/elsewhere", "main")))
          .isInstanceOf(AtelierException.class)
          .extracting(e -> ((AtelierException) e).errorCode())
          .isEqualTo(ReposError.REPOSITORY_EXISTS);
    }

    @Test
    void ensuringABranchTwiceGivesTheSameBranch() {
      Branch first = branch(org, "atelier", "main");
      Branch again = branch(org, "atelier", "main");

      assertThat(again.id()).isEqualTo(first.id());
      assertThat(first.state()).isEqualTo(BranchState.NEW);
      assertThat(first.currentManifest()).isEmpty();
    }

    @Test
    void aBranchOfAnUnknownRepositoryIsRefused() {
      assertThatThrownBy(() -> storage.branches().ensure(org, new RepositoryId(999_999), "main"))
          .isInstanceOf(AtelierException.class)
          .extracting(e -> ((AtelierException) e).errorCode())
          .isEqualTo(ReposError.REPOSITORY_NOT_FOUND);
    }

    @Test
    void recordsIndexingProgressAndFailureWithoutTouchingTheManifest() {
      Branch main = branch(org, "atelier", "main");
      ManifestId current =
          storage.manifests().replace(org, main.id(), store(org, files(3, "a")), "c1");

      storage.branches().startIndexing(org, main.id(), 10);
      storage.branches().progress(org, main.id(), 4);
      Branch running = storage.branches().require(org, main.id());
      storage.branches().fail(org, main.id(), "parser crashed");
      Branch failed = storage.branches().require(org, main.id());

      assertThat(running.state()).isEqualTo(BranchState.INDEXING);
      assertThat(running.filesTotal()).isEqualTo(10);
      assertThat(running.filesDone()).isEqualTo(4);
      assertThat(failed.state()).isEqualTo(BranchState.FAILED);
      assertThat(failed.lastError()).isEqualTo("parser crashed");
      assertThat(failed.manifestId()).isEqualTo(current);
      assertThat(failed.headCommit()).isEqualTo("c1");
    }
  }

  @Nested
  class Blobs {

    @Test
    void identicalContentInTwoBranchesAndTwoRepositoriesIsStoredOnce() {
      Map<String, String> files = files(20, "same");
      Branch main = branch(org, "one", "main");
      Branch feature = branch(org, "one", "feature");
      Branch other = branch(org, "two", "main");

      storage.manifests().replace(org, main.id(), store(org, files), null);
      storage.manifests().replace(org, feature.id(), store(org, files), null);
      storage.manifests().replace(org, other.id(), store(org, files), null);

      assertThat(storage.blobs().count(org)).isEqualTo(20);
      assertThat(storage.manifests().current(org, other.id()).orElseThrow().fileCount())
          .isEqualTo(20);
    }

    @Test
    void aSecondBranchDifferingInTenFilesHasExactlyTenMissingBlobs() {
      Map<String, String> mainFiles = files(100, "v1");
      Branch main = branch(org, "atelier", "main");
      storage.manifests().replace(org, main.id(), store(org, mainFiles), null);
      Map<String, String> featureFiles = new java.util.TreeMap<>(mainFiles);
      IntStream.range(0, 10)
          .forEach(i -> featureFiles.put("src/File" + (i * 7) + ".java", "changed " + i));

      List<Sha256> featureShas = featureFiles.values().stream().map(text -> sha(text)).toList();
      Set<Sha256> missing = storage.blobs().missing(org, featureShas);

      assertThat(missing).hasSize(10);
      assertThat(missing)
          .containsExactlyInAnyOrderElementsOf(
              IntStream.range(0, 10).mapToObj(i -> sha("changed " + i)).toList());
    }

    @Test
    void putReportsWhetherTheBlobWasNew() {
      NewBlob blob = NewBlob.text("hello".getBytes(StandardCharsets.UTF_8));

      assertThat(storage.blobs().put(org, blob)).isTrue();
      assertThat(storage.blobs().put(org, blob)).isFalse();
      assertThat(storage.blobs().putAll(org, List.of(blob, NewBlob.text(new byte[] {1}))))
          .isEqualTo(1);
    }

    @Test
    void keepsTextWithItsEncodingValidityAndOnlyTheIdentityOfOmittedContent() {
      NewBlob latin1 = NewBlob.text(new byte[] {'c', 'a', 'f', (byte) 0xe9});
      NewBlob big = NewBlob.omitted(sha("big"), 5_000_000, BlobKind.TOO_LARGE);
      storage.blobs().putAll(org, List.of(latin1, big));

      Blob text = storage.blobs().find(org, latin1.sha()).orElseThrow();
      Blob omitted = storage.blobs().find(org, big.sha()).orElseThrow();

      assertThat(text.kind()).isEqualTo(BlobKind.TEXT);
      assertThat(text.utf8Valid()).isFalse();
      assertThat(text.content()).hasValueSatisfying(bytes -> assertThat(bytes).hasSize(4));
      assertThat(text.text()).contains("caf\uFFFD");
      assertThat(omitted.kind()).isEqualTo(BlobKind.TOO_LARGE);
      assertThat(omitted.size()).isEqualTo(5_000_000);
      assertThat(omitted.content()).isEmpty();
    }

    @Test
    void aBlobPutInsideARolledBackTransactionIsNotStored() {
      NewBlob blob = NewBlob.text("parsed with its symbols".getBytes(StandardCharsets.UTF_8));
      TransactionTemplate transaction =
          new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));

      transaction.executeWithoutResult(status -> {
        storage.blobs().put(org, blob);
        status.setRollbackOnly();
      });

      assertThat(storage.blobs().missing(org, List.of(blob.sha()))).containsExactly(blob.sha());
    }
  }

  @Nested
  class ManifestSwitching {

    @Test
    void aNewManifestBecomesCurrentAndTheBranchReady() {
      Branch main = branch(org, "atelier", "main");
      List<ManifestEntry> entries = store(org, files(5, "x"));

      ManifestId id = storage.manifests().replace(org, main.id(), entries, "abc123");

      Branch after = storage.branches().require(org, main.id());
      assertThat(after.manifestId()).isEqualTo(id);
      assertThat(after.state()).isEqualTo(BranchState.READY);
      assertThat(after.indexedAt()).isNotNull();
      assertThat(after.headCommit()).isEqualTo("abc123");
      assertThat(storage.manifests().entries(org, id))
          .containsExactlyElementsOf(entries.stream().sorted().toList());
      assertThat(storage.manifests().lookup(org, id, RepoPath.of("src/File1.java")))
          .contains(sha("class File1 {x}"));
    }

    @Test
    void aFailureMidWriteLeavesThePreviousManifestCurrentAndIntact() {
      Branch main = branch(org, "atelier", "main");
      List<ManifestEntry> previous = store(org, files(50, "old"));
      ManifestId current = storage.manifests().replace(org, main.id(), previous, null);
      // 2,500 entries, the last not stored: two batches are written before the third fails.
      List<ManifestEntry> next = new ArrayList<>(store(org, files(2_499, "new")));
      next.add(new ManifestEntry(RepoPath.of("zzz/unstored.txt"), sha("never stored")));

      assertThatThrownBy(() -> storage.manifests().replace(org, main.id(), next, null))
          .isInstanceOf(AtelierException.class)
          .hasMessageContaining("zzz/unstored.txt")
          .extracting(e -> ((AtelierException) e).errorCode())
          .isEqualTo(ReposError.BLOB_MISSING);

      assertThat(storage.branches().require(org, main.id()).manifestId()).isEqualTo(current);
      assertThat(storage.manifests().entries(org, current))
          .containsExactlyElementsOf(previous.stream().sorted().toList());
      assertThat(manifestRows()).isEqualTo(1);
    }

    @Test
    void aSourceThatDiesMidStreamLeavesThePreviousManifestCurrent() {
      Branch main = branch(org, "atelier", "main");
      ManifestId current =
          storage.manifests().replace(org, main.id(), store(org, files(10, "old")), null);
      List<ManifestEntry> next = store(org, files(1_500, "new"));
      Iterable<ManifestEntry> dying =
          () ->
              new Iterator<>() {
                private int given;

                @Override
                public boolean hasNext() {
                  return true;
                }

                @Override
                public ManifestEntry next() {
                  if (given == 1_200) {
                    throw new IllegalStateException("indexer killed");
                  }
                  return next.get(given++);
                }
              };

      assertThatThrownBy(() -> storage.manifests().replace(org, main.id(), dying, null))
          .hasMessage("indexer killed");

      assertThat(storage.manifests().current(org, main.id()).orElseThrow().id()).isEqualTo(current);
      assertThat(storage.manifests().entries(org, current)).hasSize(10);
      assertThat(manifestRows()).isEqualTo(1);
    }

    @Test
    void aConditionalSwitchRefusesWhenTheBranchMovedMeanwhile() {
      Branch main = branch(org, "atelier", "main");
      ManifestId first =
          storage.manifests().replace(org, main.id(), store(org, files(2, "a")), null);
      ManifestId second =
          storage.manifests().replace(org, main.id(), store(org, files(2, "b")), null);

      assertThatThrownBy(() ->
              storage
                  .manifests()
                  .replaceIfCurrent(org, main.id(), first, store(org, files(2, "c")), null))
          .isInstanceOf(AtelierException.class)
          .extracting(e -> ((AtelierException) e).errorCode())
          .isEqualTo(ReposError.MANIFEST_CONFLICT);
      assertThat(storage.branches().require(org, main.id()).manifestId()).isEqualTo(second);
    }

    @Test
    void keepsOnlyTheCurrentAndThePreviousManifest() {
      Branch main = branch(org, "atelier", "main");
      storage.manifests().replace(org, main.id(), store(org, files(3, "1")), null);
      ManifestId second =
          storage.manifests().replace(org, main.id(), store(org, files(3, "2")), null);
      ManifestId third =
          storage.manifests().replace(org, main.id(), store(org, files(3, "3")), null);

      assertThat(manifestRows()).isEqualTo(2);
      assertThat(storage.manifests().find(org, second)).isPresent();
      assertThat(storage.manifests().entries(org, second)).hasSize(3);
      assertThat(storage.manifests().current(org, main.id()).orElseThrow().id()).isEqualTo(third);
    }

    @Test
    void changesApplyToTheCurrentManifestAsANewOne() {
      Branch main = branch(org, "atelier", "main");
      ManifestId before =
          storage.manifests().replace(org, main.id(), store(org, files(1_200, "v1")), null);
      List<ManifestEntry> changed = store(org, Map.of("src/File3.java", "edited", "new.txt", "hi"));

      ManifestId after =
          storage
              .manifests()
              .apply(
                  org,
                  main.id(),
                  new ManifestChanges(changed, Set.of(RepoPath.of("src/File5.java"))),
                  null);

      ManifestDiff diff = storage.manifests().diff(org, before, after);
      assertThat(storage.manifests().current(org, main.id()).orElseThrow().fileCount())
          .isEqualTo(1_200);
      assertThat(diff.added())
          .containsExactly(new ManifestEntry(RepoPath.of("new.txt"), sha("hi")));
      assertThat(diff.changed())
          .containsExactly(
              new ManifestDiff.Change(
                  RepoPath.of("src/File3.java"), sha("class File3 {v1}"), sha("edited")));
      assertThat(diff.deleted())
          .extracting(ManifestEntry::path)
          .containsExactly(RepoPath.of("src/File5.java"));
      assertThat(storage.manifests().entries(org, before)).hasSize(1_200);
    }

    @Test
    void eachRowKeepsItsClassThroughAChangeThatDoesNotTouchIt() {
      Branch main = branch(org, "classes", "main");
      List<ManifestEntry> stored =
          store(org, Map.of("src/a.go", "package a", "src/a_test.go", "package a // test"));
      List<ManifestEntry> classified =
          List.of(
              new ManifestEntry(stored.get(0).path(), stored.get(0).sha(), classOf(stored.get(0))),
              new ManifestEntry(stored.get(1).path(), stored.get(1).sha(), classOf(stored.get(1))));
      ManifestId first = storage.manifests().replace(org, main.id(), classified, null);
      List<ManifestEntry> added = store(org, Map.of("README.md", "# a"));
      ManifestEntry readme =
          new ManifestEntry(added.get(0).path(), added.get(0).sha(), FileClass.DOCUMENTATION);

      ManifestId second =
          storage
              .manifests()
              .apply(org, main.id(), new ManifestChanges(List.of(readme), Set.of()), null);

      assertThat(storage.manifests().entries(org, first))
          .extracting(e -> e.path().value(), ManifestEntry::fileClass)
          .containsExactly(
              tuple("src/a.go", FileClass.SOURCE), tuple("src/a_test.go", FileClass.TEST));
      assertThat(storage.manifests().entries(org, second))
          .extracting(e -> e.path().value(), ManifestEntry::fileClass)
          .containsExactly(
              tuple("README.md", FileClass.DOCUMENTATION),
              tuple("src/a.go", FileClass.SOURCE),
              tuple("src/a_test.go", FileClass.TEST));
    }

    @Test
    void aRowWrittenWithoutAClassReadsBackAsUnclassified() {
      Branch main = branch(org, "unclassified", "main");
      ManifestId id =
          storage.manifests().replace(org, main.id(), store(org, Map.of("a.txt", "a")), null);

      assertThat(storage.manifests().entries(org, id))
          .singleElement()
          .extracting(ManifestEntry::fileClass)
          .isNull();
    }

    private static FileClass classOf(ManifestEntry entry) {
      return entry.path().value().endsWith("_test.go") ? FileClass.TEST : FileClass.SOURCE;
    }

    @Test
    void diffReportsAddedChangedDeletedAndRenamedPaths() {
      Branch main = branch(org, "atelier", "main");
      ManifestId before =
          storage
              .manifests()
              .replace(
                  org,
                  main.id(),
                  store(org, Map.of("a.txt", "A", "b.txt", "B", "c.txt", "C", "keep.txt", "K")),
                  null);
      ManifestId after =
          storage
              .manifests()
              .replace(
                  org,
                  main.id(),
                  store(
                      org,
                      Map.of("a.txt", "A2", "moved/b.txt", "B", "d.txt", "D", "keep.txt", "K")),
                  null);

      ManifestDiff diff = storage.manifests().diff(org, before, after);

      assertThat(diff.added()).containsExactly(new ManifestEntry(RepoPath.of("d.txt"), sha("D")));
      assertThat(diff.changed())
          .containsExactly(new ManifestDiff.Change(RepoPath.of("a.txt"), sha("A"), sha("A2")));
      assertThat(diff.deleted()).containsExactly(new ManifestEntry(RepoPath.of("c.txt"), sha("C")));
      assertThat(diff.renamed())
          .containsExactly(
              new ManifestDiff.Rename(RepoPath.of("b.txt"), RepoPath.of("moved/b.txt"), sha("B")));
      assertThat(storage.manifests().diff(org, null, before).added()).hasSize(4);
      assertThat(storage.manifests().diff(org, after, after).isEmpty()).isTrue();
    }

    @Test
    void concurrentWritersOfOneBranchQueueAndTheLastCompleteManifestWins() throws Exception {
      Branch main = branch(org, "atelier", "main");
      List<List<ManifestEntry>> versions =
          IntStream.range(0, 4).mapToObj(i -> store(org, files(300, "w" + i))).toList();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<ManifestId>> writes = new ArrayList<>();
        for (List<ManifestEntry> version : versions) {
          writes.add(pool.submit(() -> storage.manifests().replace(org, main.id(), version, null)));
        }
        List<ManifestId> written = new ArrayList<>();
        for (Future<ManifestId> write : writes) {
          written.add(write.get(60, TimeUnit.SECONDS));
        }

        Manifest current = storage.manifests().current(org, main.id()).orElseThrow();
        assertThat(written).contains(current.id());
        assertThat(current.fileCount()).isEqualTo(300);
        assertThat(storage.manifests().entries(org, current.id()))
            .containsExactlyElementsOf(
                versions.get(written.indexOf(current.id())).stream().sorted().toList());
      } finally {
        pool.shutdownNow();
      }
    }

    @Test
    void aWriterKilledMidTransactionLeavesThePreviousManifestCurrentAndIntact() throws Exception {
      Branch main = branch(org, "atelier", "main");
      List<ManifestEntry> previous = store(org, files(20, "before the kill"));
      ManifestId current = storage.manifests().replace(org, main.id(), previous, "c1");
      int count = 4_000;
      storage
          .blobs()
          .putAll(
              org,
              IntStream.range(0, count)
                  .mapToObj(i ->
                      NewBlob.text(KilledManifestWriter.text(i).getBytes(StandardCharsets.UTF_8)))
                  .toList());
      List<String> arguments = new ArrayList<>(databaseArguments());
      arguments.addAll(
          List.of(Long.toString(org), Long.toString(main.id().value()), Integer.toString(count)));

      Process writer = KilledManifestWriter.start(arguments.toArray(String[]::new));
      try (BufferedReader output =
          new BufferedReader(
              new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        do {
          line = output.readLine();
        } while (line != null && !line.equals(KilledManifestWriter.MIDWAY));
        assertThat(line).as("the writer reached the middle of its transaction").isNotNull();
        writer.destroyForcibly();
        assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
      } finally {
        writer.destroyForcibly();
      }

      Branch after = storage.branches().require(org, main.id());
      assertThat(after.manifestId()).isEqualTo(current);
      assertThat(after.headCommit()).isEqualTo("c1");
      assertThat(storage.manifests().entries(org, current))
          .containsExactlyElementsOf(previous.stream().sorted().toList());
      assertThat(manifestRows()).isEqualTo(1);
      // The next run writes over the wreck as if nothing happened.
      assertThat(storage.manifests().replace(org, main.id(), previous, "c2")).isNotEqualTo(current);
    }

    private long manifestRows() {
      return JdbcClient.create(database.dataSource())
          .sql("SELECT count(*) FROM manifests WHERE org_id = ?")
          .param(org)
          .query(Long.class)
          .single();
    }
  }

  @Nested
  class OrgScoping {

    @Test
    void anotherOrgNeverSeesOrTouchesTheRows() {
      Branch main = branch(org, "atelier", "main");
      List<ManifestEntry> entries = store(org, files(5, "secret"));
      ManifestId manifest = storage.manifests().replace(org, main.id(), entries, null);
      Repository repo = storage.repositories().findByName(org, "atelier").orElseThrow();
      long other = newOrg();

      assertThat(storage.repositories().list(other)).isEmpty();
      assertThat(storage.repositories().find(other, repo.id())).isEmpty();
      assertThat(storage.repositories().findByName(other, "atelier")).isEmpty();
      assertThat(storage.repositories().findByLocation(other, "/srv/atelier")).isEmpty();
      assertThat(storage.branches().find(other, main.id())).isEmpty();
      assertThat(storage.branches().list(other, repo.id())).isEmpty();
      assertThat(storage.blobs().count(other)).isZero();
      assertThat(storage.blobs().find(other, entries.get(0).sha())).isEmpty();
      assertThat(storage.blobs().missing(other, entries.stream().map(ManifestEntry::sha).toList()))
          .hasSize(5);
      assertThat(storage.manifests().current(other, main.id())).isEmpty();
      assertThat(storage.manifests().find(other, manifest)).isEmpty();
      assertThat(storage.manifests().entries(other, manifest)).isEmpty();
      assertThatThrownBy(() -> storage.manifests().replace(other, main.id(), List.of(), null))
          .extracting(e -> ((AtelierException) e).errorCode())
          .isEqualTo(ReposError.BRANCH_NOT_FOUND);
      assertThatThrownBy(() -> storage.branches().ensure(other, repo.id(), "evil"))
          .extracting(e -> ((AtelierException) e).errorCode())
          .isEqualTo(ReposError.REPOSITORY_NOT_FOUND);
      assertThat(storage.manifests().current(org, main.id()).orElseThrow().id())
          .isEqualTo(manifest);
    }

    @Test
    void theSameContentIsStoredOncePerOrg() {
      long other = newOrg();
      NewBlob blob = NewBlob.text("shared".getBytes(StandardCharsets.UTF_8));

      assertThat(storage.blobs().put(org, blob)).isTrue();
      assertThat(storage.blobs().put(other, blob)).isTrue();
      assertThat(storage.blobs().ids(org, List.of(blob.sha())))
          .doesNotContainValue(storage.blobs().ids(other, List.of(blob.sha())).get(blob.sha()));
    }

    @Test
    void anotherOrgCannotPointItsManifestAtThisOrgsBlob() {
      NewBlob blob = NewBlob.text("mine".getBytes(StandardCharsets.UTF_8));
      storage.blobs().put(org, blob);
      long other = newOrg();
      Branch theirs = branch(other, "theirs", "main");

      assertThatThrownBy(() ->
              storage
                  .manifests()
                  .replace(
                      other,
                      theirs.id(),
                      List.of(new ManifestEntry(RepoPath.of("steal.txt"), blob.sha())),
                      null))
          .extracting(e -> ((AtelierException) e).errorCode())
          .isEqualTo(ReposError.BLOB_MISSING);
    }
  }
}
