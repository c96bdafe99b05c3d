package dev.atelier.codeintel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.platform.Database;
import dev.atelier.repos.Branch;
import dev.atelier.repos.BranchState;
import dev.atelier.repos.ManifestEntry;
import dev.atelier.repos.NewRepository;
import dev.atelier.repos.RepoPath;
import dev.atelier.repos.ReposStorage;
import dev.atelier.repos.Repository;
import dev.atelier.repos.RepositoryKind;
import dev.atelier.repos.WorkingTreeSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The indexer's bookkeeping on a real database: what it parses, what it reuses, and that a failure
 * leaves the last complete manifest current. Run against SQLite and PostgreSQL by the subclasses.
 */
abstract class CodeIndexerContract {

  @TempDir Path tree;

  private Database database;
  private ReposStorage repos;
  private OutlineParser parser;
  private CodeIndexer indexer;
  private Repository repository;

  abstract Database openDatabase() throws Exception;

  @BeforeEach
  void open() throws Exception {
    database = openDatabase();
    repos = ReposStorage.of(database);
    parser = new OutlineParser();
    indexer = new CodeIndexer(database, repos, parser, 2);
    long org = newOrg();
    repository =
        repos
            .repositories()
            .register(
                org,
                new NewRepository(
                    "r", RepositoryKind.WORKING_TREE, tree.toAbsolutePath().toString(), "main"));
  }

  @AfterEach
  void close() {
    indexer.close();
    database.close();
  }

  @Test
  void indexesSymbolsReferencesImportsAndChunksOfATree() throws Exception {
    write(
        "app/service.py",
        "import db\nclass ServiceWithALongName\n  def start_the_service_now\n  call connect\n");
    write("app/db.py", "def connect_to_the_database\n");
    write("README.md", "# Notes\n\nHow to run the service, in a few words.\n");

    IndexSummary summary = index("main");

    assertThat(summary.files()).isEqualTo(3);
    assertThat(summary.filesByLanguage()).containsEntry("python", 2L).containsEntry("text", 1L);
    assertThat(summary.parsedFiles()).isEqualTo(3);
    assertThat(summary.symbols()).isEqualTo(3);
    assertThat(summary.references()).isEqualTo(1);
    assertThat(summary.imports()).isEqualTo(1);
    assertThat(summary.chunks())
        .as("a method, a function, the class header, the README")
        .isEqualTo(4);
    assertThat(summary.parser()).isEqualTo("outline-test");
    assertThat(
            jdbc()
                .sql(
                    "SELECT s.name FROM symbol_refs r JOIN symbols s ON s.org_id = r.org_id"
                        + " AND s.blob_id = r.blob_id AND s.ordinal = r.enclosing_ordinal"
                        + " WHERE r.org_id = ? AND r.name = 'connect'")
                .param(repository.orgId())
                .query(String.class)
                .list())
        .as("the call's enclosing symbol is the class it sits in")
        .containsExactly("ServiceWithALongName");
  }

  @Test
  void parsesIdenticalContentOnceAcrossPathsAndBranches() throws Exception {
    for (int i = 0; i < 20; i++) {
      write("pkg/m" + i + ".py", "def f" + i + "\n");
    }
    write("copy/m0.py", "def f0\n");
    IndexSummary first = index("main");
    assertThat(first.files()).isEqualTo(21);
    assertThat(first.parsedFiles()).isEqualTo(20);

    write("pkg/m3.py", "def changed3\n");
    write("pkg/m4.py", "def changed4\n");
    parser.parseOrder.clear();
    IndexSummary second = index("feature");

    assertThat(second.parsedFiles()).as("only the two changed files").isEqualTo(2);
    assertThat(parser.parseOrder).containsExactlyInAnyOrder("def changed3\n", "def changed4\n");
    assertThat(second.symbols()).isEqualTo(21);
  }

  @Test
  void reindexOfAnUnchangedTreeParsesNothing() throws Exception {
    write("a.py", "def a\n");
    write("b.py", "def b\n");
    index("main");
    parser.parseOrder.clear();

    IndexSummary again = index("main");

    assertThat(again.parsedFiles()).isZero();
    assertThat(parser.parseOrder).isEmpty();
    assertThat(again.files()).isEqualTo(2);
    assertThat(branch("main").state()).isEqualTo(BranchState.READY);
  }

  @Test
  void updateReparsesOnlyTheNotifiedPathsAndHandlesDeletions() throws Exception {
    write("keep.py", "def keep\n");
    write("edit.py", "def before\n");
    write("gone.py", "def gone\n");
    write("old/x.py", "def x\n");
    write("old/y.py", "def y\n");
    index("main");
    parser.parseOrder.clear();

    write("edit.py", "def after\n");
    Files.delete(tree.resolve("gone.py"));
    Files.delete(tree.resolve("old/x.py"));
    Files.delete(tree.resolve("old/y.py"));
    Files.delete(tree.resolve("old"));
    write("new.py", "def fresh\n");
    IndexSummary summary =
        indexer.update(
            repository,
            "main",
            WorkingTreeSource.of(tree),
            Set.of(path("edit.py"), path("gone.py"), path("old"), path("new.py")),
            IndexListener.NONE);

    assertThat(parser.parseOrder).containsExactlyInAnyOrder("def after\n", "def fresh\n");
    assertThat(summary.parsedFiles()).isEqualTo(2);
    assertThat(paths()).containsExactly("edit.py", "keep.py", "new.py");
    assertThat(summary.symbols()).isEqualTo(3);
  }

  @Test
  void aFailedRunLeavesTheLastCompleteManifestCurrent() throws Exception {
    write("a.py", "def a\n");
    index("main");
    var before = branch("main").manifestId();

    write("b.py", "def b\n");
    write("c.py", "POISON\n");

    assertThatThrownBy(() -> index("main")).hasMessageContaining("parsing failed");
    Branch after = branch("main");
    assertThat(after.manifestId()).isEqualTo(before);
    assertThat(after.state()).isEqualTo(BranchState.FAILED);
    assertThat(after.lastError()).contains("parsing failed");
    assertThat(paths()).containsExactly("a.py");

    Files.delete(tree.resolve("c.py"));
    parser.parseOrder.clear();
    IndexSummary retry = index("main");
    assertThat(retry.files()).isEqualTo(2);
    assertThat(retry.parsedFiles())
        .as("b.py again only if its batch was not written; never a.py")
        .isLessThanOrEqualTo(1);
    assertThat(parser.parseOrder).doesNotContain("def a\n");
  }

  @Test
  void indexesEveryFileOfALargerTreeAcrossBatches() throws Exception {
    for (int i = 0; i < 700; i++) {
      write("gen/f" + i + ".py", "class C" + i + "\n  def m" + i + "\n  call m" + (i + 1) + "\n");
    }
    IndexSummary summary = index("main");
    assertThat(summary.files()).isEqualTo(700);
    assertThat(summary.symbols()).isEqualTo(1400);
    assertThat(summary.references()).isEqualTo(700);
  }

  private IndexSummary index(String branch) throws InterruptedException {
    return indexer.index(repository, branch, WorkingTreeSource.of(tree), null, IndexListener.NONE);
  }

  private Branch branch(String name) {
    return repos.branches().find(repository.orgId(), repository.id(), name).orElseThrow();
  }

  private List<String> paths() {
    var manifest = branch("main").manifestId();
    return repos
        .manifests()
        .entries(repository.orgId(), java.util.Objects.requireNonNull(manifest))
        .stream()
        .map(ManifestEntry::path)
        .map(RepoPath::value)
        .sorted()
        .toList();
  }

  private static RepoPath path(String value) {
    return RepoPath.of(value);
  }

  private void write(String relative, String content) throws IOException {
    Path file = tree.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private JdbcClient jdbc() {
    return JdbcClient.create(database.dataSource());
  }

  private long newOrg() {
    String slug = "org-" + UUID.randomUUID();
    return jdbc()
        .sql("INSERT INTO orgs (slug, name) VALUES (?, ?) RETURNING id")
        .params(slug, slug)
        .query(Long.class)
        .single();
  }
}
