package dev.atelier.codeintel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.codeintel.GraphAnalysis.Community;
import dev.atelier.codeintel.GraphAnalysis.Dependent;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Database;
import dev.atelier.repos.Branch;
import dev.atelier.repos.NewRepository;
import dev.atelier.repos.ReposStorage;
import dev.atelier.repos.Repository;
import dev.atelier.repos.RepositoryKind;
import dev.atelier.repos.WorkingTreeSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The graph analyses on a graph loaded from a real database (the loader's SQL); the subclasses pick
 * SQLite or PostgreSQL. Fixture: a call chain a -> b -> c with a test calling a, and two
 * disconnected cliques x1..x3 and y1..y3.
 */
abstract class GraphAnalysisContract {

  @TempDir Path tree;

  private Database database;
  private ReposStorage repos;
  private CodeIndexer indexer;
  private GraphAnalysis analysis;
  private Repository repository;

  abstract Database openDatabase() throws Exception;

  @BeforeEach
  void open() throws Exception {
    database = openDatabase();
    repos = ReposStorage.of(database);
    indexer = new CodeIndexer(database, repos, new OutlineParser(), 2);
    analysis = new GraphAnalysis(database);
    String slug = "org-" + UUID.randomUUID();
    long org =
        JdbcClient.create(database.dataSource())
            .sql("INSERT INTO orgs (slug, name) VALUES (?, ?) RETURNING id")
            .params(slug, slug)
            .query(Long.class)
            .single();
    repository =
        repos
            .repositories()
            .register(
                org,
                new NewRepository(
                    "r", RepositoryKind.WORKING_TREE, tree.toAbsolutePath().toString(), "main"));
    // The outline language puts a call in the enclosing class: Bee calls Cee, and so on.
    write("lib/c.py", "class Cee\n  def cee\n");
    write("lib/b.py", "class Bee\n  call Cee\n");
    write("app/a.py", "class Ay\n  call Bee\n");
    write("tests/test_a.py", "class TestAy\n  call Ay\n");
    for (String group : List.of("x", "y")) {
      for (int i = 1; i <= 3; i++) {
        StringBuilder source =
            new StringBuilder("class " + group + i + "\n  def " + group + "f" + i);
        for (int j = 1; j <= 3; j++) {
          if (j != i) {
            source.append("\n  call ").append(group).append('f').append(j);
          }
        }
        write(group + "/" + group + i + ".py", source + "\n");
      }
    }
    index();
  }

  @AfterEach
  void close() {
    indexer.close();
    database.close();
  }

  @Test
  void impactOfAFileRanksItsDependentsByDistanceAndListsTheTest() {
    GraphAnalysis.Impact impact = analysis.impact(branch(), List.of("lib/c.py"), List.of(), 5);

    assertThat(impact.dependents())
        .extracting(Dependent::path, Dependent::distance)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("lib/b.py", 1),
            org.assertj.core.groups.Tuple.tuple("app/a.py", 2),
            org.assertj.core.groups.Tuple.tuple("tests/test_a.py", 3));
    assertThat(impact.dependents().getFirst().via()).isEqualTo("lib/c.py");
    assertThat(impact.tests()).extracting(Dependent::path).containsExactly("tests/test_a.py");
  }

  @Test
  void impactOfASymbolFollowsItsReferencesAndStopsAtTheDepth() {
    GraphAnalysis.Impact impact = analysis.impact(branch(), List.of(), List.of("Cee"), 2);

    assertThat(impact.dependents())
        .extracting(Dependent::path)
        .containsExactly("lib/b.py", "app/a.py");
    assertThat(impact.dependents().getFirst().through()).containsExactly("Bee");
    assertThat(impact.tests()).isEmpty();
  }

  @Test
  void callersWalkUpTheCallChainToTheDepth() {
    List<GraphAnalysis.SymbolEdge> callers =
        analysis.callers(branch(), "Cee", 3, GraphAnalysis.Filter.none());

    assertThat(callers)
        .extracting(e -> e.from().qualifiedName() + "->" + e.to().qualifiedName() + "@" + e.depth())
        .containsExactly("Bee->Cee@1", "Ay->Bee@2", "TestAy->Ay@3");
    assertThat(analysis.callees(branch(), "Ay", 1, GraphAnalysis.Filter.none()))
        .extracting(e -> e.to().path() + ":" + e.to().line())
        .containsExactly("lib/b.py:1");
    assertThat(
            analysis.callers(
                branch(), "Cee", 3, new GraphAnalysis.Filter(java.util.Set.of(), "app/**")))
        .extracting(e -> e.from().qualifiedName())
        .containsExactly("Ay");
  }

  @Test
  void pathsAreShortestAndFilesAndSymbolsBothWork() {
    assertThat(analysis.path(branch(), "tests/test_a.py", "lib/c.py", 6).files())
        .containsExactly("tests/test_a.py", "app/a.py", "lib/b.py", "lib/c.py");
    GraphAnalysis.GraphPath reversed = analysis.path(branch(), "Cee", "Ay", 6);
    assertThat(reversed.reversed()).isTrue();
    assertThat(reversed.symbols())
        .extracting(GraphAnalysis.Symbol::qualifiedName)
        .containsExactly("Ay", "Bee", "Cee");
    assertThat(analysis.path(branch(), "x/x1.py", "lib/c.py", 6).files()).isEmpty();
  }

  @Test
  void twoDisconnectedCliquesAreTwoCommunities() {
    GraphAnalysis.Communities communities = analysis.communities(branch());

    assertThat(communities.communities())
        .extracting(Community::files)
        .contains(
            List.of("x/x1.py", "x/x2.py", "x/x3.py"), List.of("y/y1.py", "y/y2.py", "y/y3.py"));
    Community x =
        communities.communities().stream()
            .filter(c -> c.folder().equals("x"))
            .findFirst()
            .orElseThrow();
    assertThat(x.label()).startsWith("x (");
    assertThat(communities.modularity()).isGreaterThan(0.3);
  }

  @Test
  void theRepoMapRanksFilesDownTheChainHigher() {
    GraphAnalysis.RepoMap map = analysis.repoMap(branch(), List.of(), 100, 5);

    assertThat(map.totalFiles()).isEqualTo(10);
    List<String> order = map.files().stream().map(GraphAnalysis.MapFile::path).toList();
    assertThat(order.indexOf("lib/c.py")).isLessThan(order.indexOf("lib/b.py"));
    assertThat(order.indexOf("lib/b.py")).isLessThan(order.indexOf("app/a.py"));
    assertThat(order.indexOf("app/a.py")).isLessThan(order.indexOf("tests/test_a.py"));
    assertThat(map.files().get(order.indexOf("lib/c.py")).symbols())
        .extracting(GraphAnalysis.Symbol::name)
        .containsExactly("Cee");
    GraphAnalysis.RepoMap focused = analysis.repoMap(branch(), List.of("x/x1.py"), 3, 5);
    assertThat(focused.files())
        .extracting(GraphAnalysis.MapFile::path)
        .allMatch(p -> p.startsWith("x/"));
  }

  @Test
  void aNewIndexRunIsSeenByTheNextCall() throws Exception {
    assertThat(analysis.impact(branch(), List.of("lib/c.py"), List.of(), 1).dependents())
        .extracting(Dependent::path)
        .containsExactly("lib/b.py");
    write("lib/d.py", "class Dee\n  call Cee\n");
    index();

    assertThat(analysis.impact(branch(), List.of("lib/c.py"), List.of(), 1).dependents())
        .extracting(Dependent::path)
        .containsExactlyInAnyOrder("lib/b.py", "lib/d.py");
  }

  @Test
  void unknownFilesAndSymbolsAreClearErrors() {
    assertThatThrownBy(() -> analysis.impact(branch(), List.of("nope.py"), List.of(), 3))
        .isInstanceOf(AtelierException.class)
        .hasMessageContaining("unknown file 'nope.py'");
    assertThatThrownBy(() -> analysis.callers(branch(), "Nope", 1, GraphAnalysis.Filter.none()))
        .isInstanceOf(AtelierException.class)
        .hasMessageContaining("unknown symbol 'Nope'");
  }

  private Branch branch() {
    return repos.branches().find(repository.orgId(), repository.id(), "main").orElseThrow();
  }

  private void index() throws InterruptedException {
    indexer.index(repository, "main", WorkingTreeSource.of(tree), null, IndexListener.NONE);
  }

  private void write(String relative, String content) throws IOException {
    Path file = tree.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
