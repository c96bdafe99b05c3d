package dev.atelier.codeintel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.platform.Database;
import dev.atelier.repos.Branch;
import dev.atelier.repos.NewRepository;
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
 * Semantic search and relevant context on a real database; subclasses pick SQLite or PostgreSQL.
 */
abstract class SemanticSearchContract {

  @TempDir Path tree;

  private Database database;
  private CodeIntelligence core;
  private Repository repository;

  abstract Database openDatabase() throws Exception;

  @BeforeEach
  void open() throws Exception {
    database = openDatabase();
    core = CodeIntelligence.over(database, new OutlineParser(), 1);
    String slug = "org-" + UUID.randomUUID();
    long org =
        JdbcClient.create(database.dataSource())
            .sql("INSERT INTO orgs (slug, name) VALUES (?, ?) RETURNING id")
            .params(slug, slug)
            .query(Long.class)
            .single();
    repository =
        core.repos()
            .repositories()
            .register(
                org,
                new NewRepository(
                    "r", RepositoryKind.WORKING_TREE, tree.toAbsolutePath().toString(), "main"));
    write("auth/hashers.py", "import salts\nclass PasswordHasher\n  def encode\n  call mix\n");
    write("auth/salts.py", "def mix\n# mixes a salt into a password\n");
    write("mail/smtp.py", "class SmtpBackend\n  def send_messages\n");
    write("tests/test_hashers.py", "def test_password_hasher\n# password hasher hashes\n");
    core.indexer().index(repository, "main", WorkingTreeSource.of(tree), null, IndexListener.NONE);
  }

  @AfterEach
  void close() {
    core.close();
    database.close();
  }

  @Test
  void ranksTheDefiningFileFirstAndTheTestBelowIt() {
    SemanticSearch.Result result =
        core.semanticSearch()
            .search(repository, branch(), new SemanticSearch.Query("password hasher", 10, true));

    List<String> paths = result.files().stream().map(SemanticSearch.FileHit::path).toList();
    assertThat(paths.getFirst()).isEqualTo("auth/hashers.py");
    assertThat(paths).containsSubsequence("auth/hashers.py", "tests/test_hashers.py");
    assertThat(result.files().getFirst().anchors())
        .first()
        .satisfies(a -> {
          assertThat(a.symbol()).isEqualTo("PasswordHasher");
          assertThat(a.line()).isEqualTo(2);
        });
    assertThat(result.coverage().vectorsUsed()).isFalse();
    assertThat(result.coverage().embeddedChunks()).isZero();
  }

  @Test
  void contextFollowsImportsAndCallsFromTheBestHit() {
    RelevantContext.Context context =
        core.relevantContext()
            .assemble(
                repository,
                branch(),
                new RelevantContext.Request(
                    "change how the password hasher encodes", List.of(), 2000, true));

    assertThat(context.files())
        .extracting(RelevantContext.ContextFile::path)
        .startsWith("auth/hashers.py")
        .contains("auth/salts.py");
    assertThat(context.usedTokens()).isLessThanOrEqualTo(2000);
  }

  private Branch branch() {
    return core.repos().branches().find(repository.orgId(), repository.id(), "main").orElseThrow();
  }

  private void write(String relative, String content) throws IOException {
    Path file = tree.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
