package dev.atelier.codeintel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.codeintel.internal.index.PackedReferences;
import dev.atelier.codeintel.internal.index.PackedReferences.StoredReference;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    List<String> callers = new ArrayList<>();
    jdbc()
        .sql("SELECT blob_id, refs FROM blob_refs WHERE org_id = ?")
        .param(repository.orgId())
        .query(row -> {
          for (StoredReference r : PackedReferences.unpack(row.getString(2))) {
            if (r.name().equals("connect")) {
              callers.add(
                  jdbc()
                      .sql(
                          "SELECT name FROM symbols WHERE org_id = ? AND blob_id = ?"
                              + " AND ordinal = ?")
                      .params(repository.orgId(), row.getLong(1), r.enclosing())
                      .query(String.class)
                      .single());
            }
          }
        });
    assertThat(callers)
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
  void contentAtACodePathAndATextPathIsParsedAsTheCode() throws Exception {
    // the text path sorts first
    write("a/fixture.txt", "def shared\n");
    write("b/source.py", "def shared\n");

    IndexSummary summary = index("main");

    assertThat(parser.parseOrder).containsExactly("def shared\n");
    assertThat(summary.symbols()).as("the symbol, once per path").isEqualTo(2);
    assertThat(count("blob_parses")).isEqualTo(1);
    assertThat(
            jdbc()
                .sql("SELECT language FROM blob_parses WHERE org_id = ?")
                .param(repository.orgId())
                .query(String.class)
                .single())
        .isEqualTo("python");
  }

  @Test
  void aRepositoryThatIsAPythonPackageResolvesImportsOfItsOwnName() throws Exception {
    Path shop = Files.createDirectories(tree.resolve("shop"));
    Files.writeString(shop.resolve("__init__.py"), "def version\n");
    Files.writeString(shop.resolve("db.py"), "def connect\n");
    Files.writeString(shop.resolve("app.py"), "import shop.db\n");
    Repository installed =
        repos
            .repositories()
            .register(
                repository.orgId(),
                new NewRepository(
                    "shop", RepositoryKind.WORKING_TREE, shop.toAbsolutePath().toString(), "main"));

    indexer.index(installed, "main", WorkingTreeSource.of(shop), null, IndexListener.NONE);

    assertThat(
            jdbc()
                .sql(
                    "SELECT t.path FROM file_dependencies d JOIN branch_files f"
                        + " ON f.org_id = d.org_id AND f.branch_id = d.branch_id"
                        + " AND f.file_id = d.from_file JOIN branch_files t"
                        + " ON t.org_id = d.org_id AND t.branch_id = d.branch_id"
                        + " AND t.file_id = d.to_file WHERE d.org_id = ? AND f.path = 'app.py'")
                .param(repository.orgId())
                .query(String.class)
                .list())
        .containsExactly("db.py");
  }

  @Test
  void reindexOfAnUnchangedTreeParsesNothing() throws Exception {
    write("a.py", "def a\n");
    write("b.py", "def b\n");
    index("main");
    parser.parseOrder.clear();
    var manifest = branch("main").manifestId();

    IndexSummary again = index("main");

    assertThat(branch("main").manifestId()).as("no new manifest for no change").isEqualTo(manifest);
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
  void collectsTheContentNoBranchUsesAnyMoreOnceItIsOldEnough() throws Exception {
    write("keep.py", "def keep\n  call gone\n");
    write("edit.py", "def before\n  call keep\n");
    write("gone.py", "def gone\n");
    index("main");
    indexer.completeTextIndex(repository.orgId());
    write("edit.py", "def after\n  call keep\n");
    Files.delete(tree.resolve("gone.py"));
    index("main");
    // the branch keeps its previous manifest, so what it held goes one change later
    write("edit.py", "def third\n  call keep\n");
    index("main");
    indexer.completeTextIndex(repository.orgId());

    assertThat(indexer.collectUnusedBlobs(repository.orgId(), Duration.ofHours(1)))
        .as("just written: a run may be about to use them")
        .isZero();
    assertThat(indexer.collectUnusedBlobs(repository.orgId(), Duration.ZERO)).isEqualTo(2);

    assertThat(count("blobs")).isEqualTo(3);
    assertThat(count("blob_parses")).isEqualTo(3);
    assertThat(count("blob_refs")).isEqualTo(3);
    assertThat(
            database.vendor() == dev.atelier.platform.DatabaseVendor.SQLITE
                ? jdbc().sql("SELECT count(*) FROM blob_text").query(Long.class).single()
                : count("blob_text"))
        .as("the text index forgets the collected contents")
        .isEqualTo(3);
    assertThat(
            jdbc()
                .sql("SELECT name FROM symbols WHERE org_id = ? ORDER BY name")
                .param(repository.orgId())
                .query(String.class)
                .list())
        .containsExactly("after", "keep", "third");
    assertThat(paths()).containsExactly("edit.py", "keep.py");
    assertThat(indexer.collectUnusedBlobs(repository.orgId(), Duration.ZERO)).isZero();
    // what is left still resolves and re-indexes as before
    assertThat(dangling()).isZero();
    assertThat(index("main").parsedFiles()).isZero();
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

  @Test
  void resolvesReferencesAcrossFilesAndAnswersGraphQueries() throws Exception {
    write(
        "app/service.py", "import db\nclass Service\n  def start\n  call connect\n  call start\n");
    write("app/db.py", "def connect\n");
    write("app/main.py", "import service\ncall start\ncall print\n");

    IndexSummary summary = index("main");

    assertThat(summary.references()).isEqualTo(4);
    assertThat(summary.resolvedReferences()).as("all but print").isEqualTo(3);
    CodeGraph graph = new CodeGraph(database);
    long org = repository.orgId();
    var branch = branch("main").id();
    var connect = new CodeGraph.SymbolAt("app/db.py", 0);
    var service = new CodeGraph.SymbolAt("app/service.py", 0);
    var start = new CodeGraph.SymbolAt("app/service.py", 1);
    assertThat(graph.definitions(org, branch, "connect"))
        .extracting(CodeGraph.Definition::symbol)
        .containsExactly(connect);
    assertThat(graph.definitions(org, branch, "Service.start"))
        .extracting(CodeGraph.Definition::symbol)
        .containsExactly(start);
    assertThat(graph.definitions(org, branch, "Service::start"))
        .extracting(CodeGraph.Definition::symbol)
        .containsExactly(start);
    assertThat(graph.definitions(org, branch, "Connect")).as("names match exactly").isEmpty();
    assertThat(graph.definitions(org, branch, "ervice.start")).isEmpty();
    var references = graph.references(org, branch, start);
    assertThat(references).containsOnlyKeys("app/main.py", "app/service.py");
    assertThat(references.get("app/service.py"))
        .singleElement()
        .satisfies(r -> {
          assertThat(r.caller()).as("inside class Service").isZero();
          assertThat(r.confidence()).isEqualTo(1.0);
          assertThat(r.line()).isEqualTo(5);
        });
    assertThat(references.get("app/main.py"))
        .singleElement()
        .satisfies(r -> assertThat(r.caller()).isNull());
    assertThat(graph.callers(org, branch, connect, 3))
        .containsExactly(new CodeGraph.CallEdge(service, connect, 1, 0.8));
    assertThat(graph.callees(org, branch, service, 1))
        .extracting(CodeGraph.CallEdge::callee)
        .containsExactly(connect, start);
    assertThat(graph.imports(org, branch, "app/main.py", 5))
        .containsExactly(
            new CodeGraph.FileDependency("app/main.py", "app/service.py", 1),
            new CodeGraph.FileDependency("app/service.py", "app/db.py", 2));
    assertThat(graph.importers(org, branch, "app/db.py", 1))
        .containsExactly(new CodeGraph.FileDependency("app/service.py", "app/db.py", 1));
    assertThat(graph.fileGraph(org, branch))
        .containsExactly(
            new CodeGraph.FileEdge("app/main.py", "app/service.py", 1, 1),
            new CodeGraph.FileEdge("app/service.py", "app/db.py", 1, 1));
  }

  @Test
  void anUpdateReResolvesAsAFullResolutionWouldAndLeavesNoDanglingReference() throws Exception {
    write("a.py", "def shared\ndef onlyA\n");
    write("b.py", "import a\ncall shared\ncall onlyA\ncall gone\n");
    write("c.py", "def gone\n");
    write("d.py", "call shared\ncall gone\n");
    for (int i = 0; i < 30; i++) {
      write("pkg/m" + i + ".py", "def f" + i + "\ncall f" + (i + 1) + "\ncall shared\n");
    }
    IndexSummary first = index("main");
    assertThat(first.resolvedReferences()).isEqualTo(3 + 2 + 29 + 30);

    write("a.py", "def onlyB\ndef shared\n");
    Files.delete(tree.resolve("c.py"));
    write("e.py", "def shared\n");
    indexer.update(
        repository,
        "main",
        WorkingTreeSource.of(tree),
        Set.of(path("a.py"), path("c.py"), path("e.py")),
        IndexListener.NONE);
    // An update resolves in the background: searchable first, graph a moment later.
    indexer.awaitResolution();
    List<String> incremental = resolution();
    assertThat(incremental)
        .contains("b.py#0 -> a.py#1 @0.8")
        .as("onlyA and gone are gone")
        .noneMatch(row -> row.startsWith("b.py#1") || row.startsWith("b.py#2"))
        .noneMatch(row -> row.contains("c.py"))
        .contains("d.py#0 -> a.py#1 @0.35", "d.py#0 -> e.py#0 @0.35");
    assertThat(dangling()).isZero();

    var resolver = resolver();
    Branch main = branch("main");
    long manifest = java.util.Objects.requireNonNull(main.manifestId()).value();
    var again = resolver.resolveChanges(repository.orgId(), main.id().value(), manifest);
    assertThat(again.full()).as("nothing changed: incremental").isFalse();
    assertThat(again.rewrittenReferences()).isZero();
    var full = resolver.resolveAll(repository.orgId(), main.id().value(), manifest);
    assertThat(resolution()).isEqualTo(incremental);
    assertThat(full.resolvedReferences()).isEqualTo(again.resolvedReferences());
  }

  @Test
  void aFirstIndexResolvesFromItsParsesAsItWouldFromTheStoredRows() throws Exception {
    write("a.py", "class Shape\n  def area\n  def draw\ncall area\ncall this.draw\n");
    write("b.py", "import a\ncall Shape.area\ncall a.draw\ncall  .area\ncall x\ty.draw\n");
    write("c.py", "def area\ncall area\ncall draw\n");
    write("copy/c.py", "def area\ncall area\ncall draw\n");
    IndexSummary first = index("main");
    List<String> fromParse = resolution();
    assertThat(fromParse).hasSizeGreaterThanOrEqualTo(8);

    Branch main = branch("main");
    long manifest = java.util.Objects.requireNonNull(main.manifestId()).value();
    var fromRows = resolver().resolveAll(repository.orgId(), main.id().value(), manifest);

    assertThat(resolution()).isEqualTo(fromParse);
    assertThat(fromRows.resolvedReferences()).isEqualTo(first.resolvedReferences());
  }

  /** A resolver of its own over the test's database, as a later process would have. */
  private dev.atelier.codeintel.internal.resolve.Resolver resolver() {
    return new dev.atelier.codeintel.internal.resolve.Resolver(
        database.dataSource(),
        database.vendor(),
        new dev.atelier.codeintel.internal.work.WriteTurns());
  }

  /** The branch's resolved references as "from#ref -> to#symbol @confidence", sorted. */
  private List<String> resolution() {
    return jdbc()
        .sql(
            "SELECT ff.path, r.ref_ordinal, tf.path, r.to_symbol, r.confidence"
                + " FROM resolved_refs r"
                + " JOIN branch_files ff ON ff.org_id = r.org_id AND ff.branch_id = r.branch_id"
                + " AND ff.file_id = r.from_file"
                + " JOIN branch_files tf ON tf.org_id = r.org_id AND tf.branch_id = r.branch_id"
                + " AND tf.file_id = r.to_file WHERE r.org_id = ?")
        .param(repository.orgId())
        .query((row, n) ->
            row.getString(1)
                + "#"
                + row.getInt(2)
                + " -> "
                + row.getString(3)
                + "#"
                + row.getInt(4)
                + " @"
                + Math.round(row.getDouble(5) * 100) / 100.0)
        .list()
        .stream()
        .sorted()
        .toList();
  }

  /** Resolved references whose target symbol is missing or named unlike the reference. */
  private long dangling() {
    Map<String, List<StoredReference>> refsOfFile = new HashMap<>();
    jdbc()
        .sql(
            "SELECT f.branch_id || ':' || f.file_id, r.refs FROM branch_files f JOIN blob_refs r"
                + " ON r.org_id = f.org_id AND r.blob_id = f.blob_id WHERE f.org_id = ?")
        .param(repository.orgId())
        .query(row -> {
          refsOfFile.put(row.getString(1), PackedReferences.unpack(row.getString(2)));
        });
    long[] dangling = {0};
    jdbc()
        .sql(
            "SELECT r.branch_id || ':' || r.from_file, r.ref_ordinal, s.name FROM resolved_refs r"
                + " LEFT JOIN branch_files tf ON tf.org_id = r.org_id"
                + " AND tf.branch_id = r.branch_id AND tf.file_id = r.to_file"
                + " LEFT JOIN symbols s ON s.org_id = tf.org_id AND s.blob_id = tf.blob_id"
                + " AND s.ordinal = r.to_symbol"
                + " WHERE r.org_id = ?")
        .param(repository.orgId())
        .query(row -> {
          List<StoredReference> refs = refsOfFile.getOrDefault(row.getString(1), List.of());
          int ordinal = row.getInt(2);
          String target = row.getString(3);
          if (ordinal >= refs.size()
              || target == null
              || !target.equals(refs.get(ordinal).name())) {
            dangling[0]++;
          }
        });
    return dangling[0];
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

  private long count(String table) {
    return jdbc()
        .sql("SELECT count(*) FROM " + table + " WHERE org_id = ?")
        .param(repository.orgId())
        .query(Long.class)
        .single();
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
