package dev.atelier.codeintel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Database;
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

/** Text, regex and symbol search on a real database; the subclasses pick SQLite or PostgreSQL. */
abstract class CodeSearchContract {

  @TempDir Path tree;

  private Database database;
  private CodeIndexer indexer;
  private CodeSearch search;
  private Repository repository;

  abstract Database openDatabase() throws Exception;

  @BeforeEach
  void open() throws Exception {
    database = openDatabase();
    ReposStorage repos = ReposStorage.of(database);
    indexer = new CodeIndexer(database, repos, new OutlineParser(), 2);
    search = new CodeSearch(database, repos);
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
    write(
        "http/server.py",
        "class HttpServletRequest\n  def getUserName\n  call readAll\n# request handling lives here\n");
    write("http/client.py", "class HttpClient\n  def readAll\n  def close\n");
    write("docs/notes.md", "The server answers requests.\nUse the Http client to talk to it.\n");
    write("util/tiny.py", "def ok\nx = a_b\n");
    index();
  }

  @AfterEach
  void close() {
    indexer.close();
    database.close();
  }

  @Test
  void literalSearchFindsLinesCaseInsensitivelyByPathThenLine() {
    TextSearchResult result = search.text(repository, "main", TextQuery.literal("http"));

    assertThat(result.matches())
        .extracting(m -> m.path() + ":" + m.line())
        .containsExactly("docs/notes.md:2", "http/client.py:1", "http/server.py:1");
    TextMatch first = result.matches().getFirst();
    assertThat(first.column()).isEqualTo(8);
    assertThat(first.length()).isEqualTo(4);
    assertThat(first.text()).isEqualTo("Use the Http client to talk to it.");
    assertThat(result.filesMatched()).isEqualTo(3);
  }

  @Test
  void searchAnswersTheSameBeforeAndAfterTheTextIndexIsWritten() throws Exception {
    TextSearchResult before = search.text(repository, "main", TextQuery.literal("http"));
    TextSearchResult regexBefore =
        search.text(repository, "main", TextQuery.regex("def (get|read)[A-Z]\\w+"));

    indexer.completeTextIndex(repository.orgId());

    assertThat(indexer.textIndexPending(repository.orgId())).isZero();
    assertThat(search.text(repository, "main", TextQuery.literal("http")).matches())
        .isEqualTo(before.matches());
    assertThat(
            search.text(repository, "main", TextQuery.regex("def (get|read)[A-Z]\\w+")).matches())
        .isEqualTo(regexBefore.matches());
    assertThat(search.text(repository, "main", TextQuery.literal("nowhere-to-be-found")).matches())
        .isEmpty();
  }

  @Test
  void caseSensitiveSearchChecksCaseExactly() {
    TextQuery query = new TextQuery("Http", false, true, null, 100);
    assertThat(search.text(repository, "main", query).matches()).hasSize(3);
    TextQuery lower = new TextQuery("http", false, true, null, 100);
    assertThat(search.text(repository, "main", lower).matches())
        .extracting(TextMatch::path)
        .isEmpty();
  }

  @Test
  void shortPatternsAndRegexesWithoutLiteralsScanEveryFile() {
    assertThat(search.text(repository, "main", TextQuery.literal("a_")).matches())
        .extracting(m -> m.path() + ":" + m.line())
        .containsExactly("util/tiny.py:2");
    assertThat(search.text(repository, "main", TextQuery.regex("^\\s+def \\w{5}$")).matches())
        .extracting(m -> m.text().strip())
        .containsExactly("def close");
  }

  @Test
  void regexSearchUsesLiteralsToNarrowAndChecksExactly() {
    TextSearchResult result =
        search.text(repository, "main", TextQuery.regex("def (get|read)[A-Z]\\w+"));
    assertThat(result.matches())
        .extracting(m -> m.path() + ":" + m.line())
        .containsExactly("http/client.py:2", "http/server.py:2");
  }

  @Test
  void pathGlobAndLimitRestrictResults() {
    TextQuery query = new TextQuery("http", false, false, "http/**", 1);
    TextSearchResult result = search.text(repository, "main", query);
    assertThat(result.matches()).hasSize(1);
    assertThat(result.matches().getFirst().path()).isEqualTo("http/client.py");
    assertThat(result.truncated()).isTrue();
  }

  @Test
  void aGlobWithoutASlashMatchesTheFileNameAtAnyDepthAsInEveryTool() {
    TextQuery query = new TextQuery("http", false, false, "client.py", 10);
    TextSearchResult result = search.text(repository, "main", query);
    assertThat(result.matches()).extracting(TextMatch::path).contains("http/client.py");
  }

  @Test
  void badRegexesAndCatastrophicOnesGetAClearError() {
    assertThatThrownBy(() -> search.text(repository, "main", TextQuery.regex("(unclosed")))
        .isInstanceOf(AtelierException.class)
        .hasMessageContaining("invalid regular expression");
  }

  @Test
  void searchSeesAChangeAsSoonAsTheManifestSwitches() throws Exception {
    write("http/client.py", "class HttpClient\n  def fetchEverything\n");
    indexer.update(
        repository,
        "main",
        WorkingTreeSource.of(tree),
        List.of(RepoPath.of("http/client.py")),
        IndexListener.NONE);

    assertThat(search.text(repository, "main", TextQuery.literal("readAll")).matches())
        .extracting(TextMatch::path)
        .containsExactly("http/server.py");
    assertThat(search.symbols(repository, "main", "fetchEv", Set.of(), 10))
        .extracting(SymbolHit::qualifiedName)
        .containsExactly("HttpClient.fetchEverything");
  }

  @Test
  void symbolSearchRanksExactPrefixCamelHumpAndFuzzyMatches() {
    assertThat(search.symbols(repository, "main", "HSR", Set.of(), 10))
        .extracting(SymbolHit::name, SymbolHit::match, SymbolHit::path, SymbolHit::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "HttpServletRequest", "camel_hump", "http/server.py", 1));
    assertThat(search.symbols(repository, "main", "Http", Set.of(), 10))
        .extracting(SymbolHit::name)
        .containsExactly("HttpClient", "HttpServletRequest");
    assertThat(search.symbols(repository, "main", "rdal", Set.of(), 10))
        .extracting(SymbolHit::name, SymbolHit::match)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("readAll", "fuzzy"));
  }

  @Test
  void symbolSearchFiltersByKind() {
    assertThat(search.symbols(repository, "main", "Http", Set.of(SymbolKind.METHOD), 10)).isEmpty();
    assertThat(search.symbols(repository, "main", "get", Set.of(SymbolKind.METHOD), 10))
        .extracting(SymbolHit::qualifiedName, SymbolHit::signature)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "HttpServletRequest.getUserName", "def getUserName()"));
  }

  @Test
  void searchingABranchThatWasNeverIndexedSaysSo() {
    assertThatThrownBy(() -> search.text(repository, "nope", TextQuery.literal("http")))
        .isInstanceOf(AtelierException.class)
        .hasMessageContaining("no branch nope");
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
