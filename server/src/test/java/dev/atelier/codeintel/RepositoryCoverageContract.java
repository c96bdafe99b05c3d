package dev.atelier.codeintel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.codeintel.internal.coverage.RepositoryCoverage;
import dev.atelier.platform.Database;
import dev.atelier.repos.NewRepository;
import dev.atelier.repos.Repository;
import dev.atelier.repos.RepositoryKind;
import dev.atelier.repos.WorkingTreeSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Semantic-search coverage and the text index backlog, per repository, on a real database;
 * subclasses pick SQLite or PostgreSQL.
 */
abstract class RepositoryCoverageContract {

  @TempDir Path small;
  @TempDir Path large;

  private Database database;
  private CodeIntelligence core;
  private long org;

  abstract Database openDatabase() throws Exception;

  @BeforeEach
  void open() throws Exception {
    database = openDatabase();
    core = CodeIntelligence.over(database, new OutlineParser(), 1);
    String slug = "org-" + UUID.randomUUID();
    org =
        JdbcClient.create(database.dataSource())
            .sql("INSERT INTO orgs (slug, name) VALUES (?, ?) RETURNING id")
            .params(slug, slug)
            .query(Long.class)
            .single();
  }

  @AfterEach
  void close() {
    core.close();
    database.close();
  }

  @Test
  void countsEachRepositorysOwnChunksAndTheCodeOutsideTestsApart() throws Exception {
    // Long names: a chunk needs 24 bytes, and the outline language's symbols are one line each.
    write(
        small,
        "auth/salts.py",
        "class SaltsForPasswordHashing\n  def mix_a_salt_into_a_password\n");
    write(
        large, "mail/smtp.py", "class SmtpBackendForOutgoingMail\n  def send_messages_over_smtp\n");
    write(
        large,
        "mail/imap.py",
        "class ImapBackendForIncomingMail\n  def fetch_messages_over_imap\n");
    write(
        large,
        "tests/test_smtp.py",
        "class TestSmtpBackendSendsMessages\n  def test_send_messages_over_smtp\n");
    Repository smallRepo = indexed("small", small);
    Repository largeRepo = indexed("large", large);
    List<Long> smallChunks = chunksOf(smallRepo);
    embed(smallChunks);

    Map<Long, EmbeddingProgress> coverage = core.embeddingCoverage(org);

    EmbeddingProgress smallCoverage = coverage.get(smallRepo.id().value());
    assertThat(smallCoverage.total()).isEqualTo(smallChunks.size());
    assertThat(smallCoverage.complete()).isTrue();
    assertThat(smallCoverage.coreComplete()).isTrue();
    EmbeddingProgress largeCoverage = coverage.get(largeRepo.id().value());
    assertThat(largeCoverage.done()).isZero();
    assertThat(largeCoverage.coreComplete()).isFalse();
    // The test file's chunks count in the total but not in the core.
    assertThat(largeCoverage.coreTotal()).isPositive().isLessThan(largeCoverage.total());
  }

  @Test
  void followsNewVectorsAndABranchMovingToANewManifest() throws Exception {
    write(
        large, "mail/smtp.py", "class SmtpBackendForOutgoingMail\n  def send_messages_over_smtp\n");
    Repository repo = indexed("large", large);
    long id = repo.id().value();
    assertThat(core.embeddingCoverage(org).get(id).done()).isZero();
    embed(chunksOf(repo));

    EmbeddingProgress embedded = core.embeddingCoverage(org).get(id);
    assertThat(embedded.complete()).isTrue();

    write(
        large,
        "mail/imap.py",
        "class ImapBackendForIncomingMail\n  def fetch_messages_over_imap\n");
    core.indexer().index(repo, "main", WorkingTreeSource.of(large), null, IndexListener.NONE);
    EmbeddingProgress grown = core.embeddingCoverage(org).get(id);
    assertThat(grown.total()).isGreaterThan(embedded.total());
    assertThat(grown.done()).isEqualTo(embedded.done());
    assertThat(grown.coreComplete()).isFalse();
  }

  @Test
  void recountsOnlyTheContentsNotYetCoveredUntilTheFullRecountIsDue() throws Exception {
    write(
        small,
        "auth/salts.py",
        "class SaltsForPasswordHashing\n  def mix_a_salt_into_a_password\n");
    write(
        large, "mail/smtp.py", "class SmtpBackendForOutgoingMail\n  def send_messages_over_smtp\n");
    write(
        large,
        "mail/imap.py",
        "class ImapBackendForIncomingMail\n  def fetch_messages_over_imap\n");
    Repository smallRepo = indexed("small", small);
    Repository largeRepo = indexed("large", large);
    AtomicLong clock = new AtomicLong();
    RepositoryCoverage coverage = new RepositoryCoverage(database, clock::get);

    coverage.byRepository(org);
    assertThat(coverage.lastRecounted(org)).isEqualTo(3); // every content with chunks
    List<Long> smallChunks = chunksOf(smallRepo);
    embed(smallChunks);
    assertThat(coverage.byRepository(org).get(smallRepo.id().value()).complete()).isTrue();
    coverage.byRepository(org);
    // No vector written since: nothing is counted again.
    assertThat(coverage.lastRecounted(org)).isZero();
    embed(chunksOf(largeRepo).subList(0, 1));
    assertThat(coverage.byRepository(org).get(largeRepo.id().value()).done()).isEqualTo(1);
    // The small repository's content is complete: only the large one's two are counted again.
    assertThat(coverage.lastRecounted(org)).isEqualTo(2);

    // A vector gone without this process seeing it: found at the next full recount.
    JdbcClient.create(database.dataSource())
        .sql("DELETE FROM chunk_vectors WHERE org_id = ? AND chunk_id = ?")
        .params(org, smallChunks.get(0))
        .update();
    assertThat(coverage.byRepository(org).get(smallRepo.id().value()).complete()).isTrue();
    clock.addAndGet(RepositoryCoverage.FULL_RECOUNT.toNanos());
    assertThat(coverage.byRepository(org).get(smallRepo.id().value()).done())
        .isEqualTo(smallChunks.size() - 1);
    assertThat(coverage.byRepository(org).get(largeRepo.id().value()).done()).isEqualTo(1);
  }

  @Test
  void saysPerRepositoryHowManyContentsTheTextIndexStillHasToTake() throws Exception {
    write(small, "auth/salts.py", "class SaltsForPasswordHashing\n");
    write(large, "mail/smtp.py", "class SmtpBackendForOutgoingMail\n");
    write(large, "mail/imap.py", "class ImapBackendForIncomingMail\n");
    write(large, "mail/README.md", "How mail goes out and comes in.\n");
    Repository smallRepo = indexed("small", small);
    Repository largeRepo = indexed("large", large);

    Map<Long, TextIndexBacklog> backlog = core.textIndexBacklog(org);
    assertThat(backlog.get(smallRepo.id().value()).files()).isEqualTo(1);
    assertThat(backlog.get(largeRepo.id().value()).files()).isEqualTo(3);
    assertThat(backlog.values()).allSatisfy(b -> assertThat(b.pending()).isBetween(0L, b.files()));

    core.indexer().completeTextIndex(org);
    assertThat(core.textIndexBacklog(org).values())
        .allSatisfy(b -> assertThat(b.complete()).isTrue());
  }

  @Test
  void leavesOutRepositoriesWithNoIndexedBranch() {
    core.repos()
        .repositories()
        .register(
            org,
            new NewRepository(
                "empty", RepositoryKind.WORKING_TREE, small.toAbsolutePath().toString(), "main"));

    assertThat(core.embeddingCoverage(org)).isEmpty();
  }

  private Repository indexed(String name, Path tree) throws Exception {
    Repository repository =
        core.repos()
            .repositories()
            .register(
                org,
                new NewRepository(
                    name, RepositoryKind.WORKING_TREE, tree.toAbsolutePath().toString(), "main"));
    core.indexer().index(repository, "main", WorkingTreeSource.of(tree), null, IndexListener.NONE);
    return repository;
  }

  private List<Long> chunksOf(Repository repository) {
    return JdbcClient.create(database.dataSource())
        .sql(
            """
            SELECT DISTINCT c.id FROM chunks c
            JOIN manifest_entries e ON e.org_id = c.org_id AND e.blob_id = c.blob_id
            JOIN branches b ON b.org_id = e.org_id AND b.manifest_id = e.manifest_id
            WHERE b.repository_id = ?
            """)
        .param(repository.id().value())
        .query(Long.class)
        .list();
  }

  private void embed(List<Long> chunks) {
    try (VectorIndex vectors = Embeddings.vectorIndex(database)) {
      for (long chunk : chunks) {
        vectors.upsert(org, chunk, unitVector(), "test");
      }
    }
  }

  private static float[] unitVector() {
    float[] vector = new float[Embeddings.DIMENSIONS];
    vector[0] = 1;
    return vector;
  }

  private static void write(Path tree, String relative, String content) throws IOException {
    Path file = tree.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
