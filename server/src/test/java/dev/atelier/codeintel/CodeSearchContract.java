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
  void pagingThroughEveryCursorReturnsEachMatchExactlyOnce() throws Exception {
    Set<String> expected = new java.util.HashSet<>();
    for (int f = 0; f < 40; f++) {
      StringBuilder text = new StringBuilder();
      for (int l = 1; l <= 30; l++) {
        text.append(l % 3 == 0 ? "needle(" + f + ", " + l + ")\n" : "hay " + l + "\n");
        if (l % 3 == 0) {
          expected.add("many/f" + f + ".txt:" + l);
        }
      }
      write("many/f" + f + ".txt", text.toString());
    }
    index();

    for (TextSort sort : TextSort.values()) {
      List<String> seen = new java.util.ArrayList<>();
      TextSearchRequest request =
          new TextSearchRequest("needle(", false, false, null, sort, 0, 7, null);
      int pages = 0;
      while (true) {
        TextSearchPage page = search.textPage(repository, "main", request);
        assertThat(page.total()).isEqualTo(400);
        assertThat(page.filesMatched()).isEqualTo(40);
        assertThat(page.offset()).isEqualTo(seen.size());
        page.matches().forEach(m -> seen.add(m.path() + ":" + m.line()));
        pages++;
        if (page.nextCursor() == null) {
          break;
        }
        request = request.withCursor(page.nextCursor());
      }
      assertThat(pages).isEqualTo(58);
      assertThat(seen).doesNotHaveDuplicates().hasSize(400);
      assertThat(new java.util.HashSet<>(seen)).isEqualTo(expected);
    }
  }

  @Test
  void relevanceRanksCodeBeforeTestsAndDefinitionsFirstAndPathOrderIsAnOption() throws Exception {
    write("tests/reads.py", "def test_reads\n  readAll\n");
    index();

    TextSearchPage relevant = search.textPage(repository, "main", TextSearchRequest.of("readAll"));
    assertThat(relevant.matches())
        .extracting(TextHit::path, TextHit::line, TextHit::definition, TextHit::test)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("http/client.py", 2, true, false),
            org.assertj.core.groups.Tuple.tuple("http/server.py", 3, false, false),
            org.assertj.core.groups.Tuple.tuple("tests/reads.py", 2, false, true));

    TextSearchPage byPath =
        search.textPage(
            repository,
            "main",
            new TextSearchRequest("readAll", false, false, null, TextSort.PATH, 0, 10, null));
    assertThat(byPath.matches())
        .extracting(TextHit::path)
        .containsExactly("http/client.py", "http/server.py", "tests/reads.py");
  }

  @Test
  void queryFiltersNarrowByPathLanguageRepositoryAndCase() {
    assertThat(paths("http file:^http/ -file:server")).containsExactly("http/client.py");
    assertThat(paths("http lang:go")).isEmpty();
    assertThat(paths("lang:text http")).containsExactly("docs/notes.md");
    assertThat(paths("http -lang:python")).containsExactly("docs/notes.md");
    assertThat(paths("Http case:yes file:\\.md$")).containsExactly("docs/notes.md");
    assertThat(paths("http case:yes")).isEmpty();
    assertThat(paths("http repo:^r$ file:client")).containsExactly("http/client.py");
    assertThat(paths("http repo:elsewhere")).isEmpty();
    assertThat(
            search.textPage(repository, "main", TextSearchRequest.of("talk  to file:md")).pattern())
        .isEqualTo("talk  to");
  }

  @Test
  void contextLinesSurroundEachMatch() {
    TextSearchPage page =
        search.textPage(
            repository,
            "main",
            new TextSearchRequest("getUserName", false, false, null, TextSort.PATH, 2, 10, null));
    TextHit hit = page.matches().getFirst();
    assertThat(hit.before()).containsExactly("class HttpServletRequest");
    assertThat(hit.after()).containsExactly("  call readAll", "# request handling lives here");
  }

  @Test
  void badCursorsAndFiltersAreClearErrors() {
    assertThatThrownBy(() ->
            search.textPage(repository, "main", TextSearchRequest.of("http").withCursor("x!")))
        .isInstanceOf(AtelierException.class)
        .hasMessageContaining("cursor");
    TextSearchRequest small =
        new TextSearchRequest("http", false, false, null, TextSort.PATH, 0, 1, null);
    String cursor = search.textPage(repository, "main", small).nextCursor();
    assertThat(cursor).isNotNull();
    assertThatThrownBy(() ->
            search.textPage(repository, "main", TextSearchRequest.of("client").withCursor(cursor)))
        .isInstanceOf(AtelierException.class)
        .hasMessageContaining("another query");
    assertThatThrownBy(
            () -> search.textPage(repository, "main", TextSearchRequest.of("x lang:cobol")))
        .isInstanceOf(AtelierException.class)
        .hasMessageContaining("unknown language");
    assertThatThrownBy(() -> search.textPage(repository, "main", TextSearchRequest.of("x file:(")))
        .isInstanceOf(AtelierException.class)
        .hasMessageContaining("file:");
    assertThatThrownBy(() -> search.textPage(repository, "main", TextSearchRequest.of("file:x")))
        .isInstanceOf(AtelierException.class)
        .hasMessageContaining("nothing to search for");
  }

  private List<String> paths(String query) {
    return search.textPage(repository, "main", TextSearchRequest.of(query)).matches().stream()
        .map(TextHit::path)
        .toList();
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
