package dev.atelier.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Database;
import dev.atelier.repos.NewRepository;
import dev.atelier.repos.ReposStorage;
import dev.atelier.repos.RepositoryId;
import dev.atelier.repos.RepositoryKind;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Record, recall, list and feedback on a real database; the subclasses pick the dialect. */
abstract class LearningsContract {

  private Database database;
  private Learnings learnings;
  private long org;
  private RepositoryId repository;

  abstract Database openDatabase() throws Exception;

  @BeforeEach
  void open() throws Exception {
    database = openDatabase();
    learnings = new Learnings(database);
    org = newOrg();
    repository = newRepository(org);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void recallRanksByTheWordsOfContentAndTags() {
    Learning pool =
        record(
            LearningKind.PITFALL,
            LearningScope.repo(),
            "The connection pool leaks when a transaction is not closed",
            List.of("database"));
    record(LearningKind.HOW_TO, LearningScope.repo(), "Run the web tests with npm test", List.of());
    Learning tagged =
        record(
            LearningKind.CONVENTION,
            LearningScope.repo(),
            "Queries always filter by org id",
            List.of("database", "tenancy"));

    List<RecalledLearning> recalled =
        learnings.recall(org, repository, RecallQuery.text("database connections", 10));

    assertThat(recalled).extracting(r -> r.learning().id()).containsExactly(pool.id(), tagged.id());
    assertThat(recalled.getFirst().textMatch()).isEqualTo(1.0);
  }

  @Test
  void recallByFilesPrefersTheFileThenTheFolderThenTheRepository() {
    Learning repo = record(LearningKind.CONVENTION, LearningScope.repo(), "Use records", List.of());
    Learning folder =
        record(LearningKind.CONVENTION, LearningScope.folder("src/db"), "Close cursors", List.of());
    Learning file =
        record(
            LearningKind.PITFALL,
            LearningScope.file("src/db/Pool.java"),
            "Pool size is read once",
            List.of());
    record(LearningKind.PITFALL, LearningScope.folder("src/web"), "Escape output", List.of());
    record(LearningKind.PITFALL, LearningScope.file("src/db/Other.java"), "Other", List.of());

    List<RecalledLearning> recalled =
        learnings.recall(org, repository, RecallQuery.files(List.of("src/db/Pool.java"), 10));

    assertThat(recalled)
        .extracting(r -> r.learning().id())
        .containsExactly(file.id(), folder.id(), repo.id());
  }

  @Test
  void feedbackMovesConfidenceBothWaysAndDecayedLearningsDropOutOfRecall() {
    Learning learning =
        record(LearningKind.PITFALL, LearningScope.repo(), "Flaky cache test", List.of());
    assertThat(learning.confidence()).isEqualTo(Learnings.INITIAL_CONFIDENCE);

    Learning up = learnings.feedback(org, repository, learning.id(), true);
    assertThat(up.confidence()).isGreaterThan(learning.confidence());
    assertThat(up.helpful()).isEqualTo(1);

    Learning down = learnings.feedback(org, repository, learning.id(), false);
    assertThat(down.confidence()).isLessThan(up.confidence());
    assertThat(down.unhelpful()).isEqualTo(1);
    assertThat(learnings.recall(org, repository, RecallQuery.text("cache", 5))).hasSize(1);

    Learning last = down;
    while (!last.decayed()) {
      last = learnings.feedback(org, repository, learning.id(), false);
    }
    assertThat(last.confidence()).isGreaterThan(0).isLessThan(Learnings.CONFIDENCE_FLOOR);
    assertThat(learnings.recall(org, repository, RecallQuery.text("cache", 5))).isEmpty();
    assertThat(learnings.recall(org, repository, new RecallQuery("cache", List.of(), 5, true)))
        .hasSize(1);
    assertThat(learnings.list(org, repository, LearningFilter.all(10))).hasSize(1);
  }

  @Test
  void theSameLearningIsStoredOnce() {
    Learning first = record(LearningKind.HOW_TO, LearningScope.repo(), "Run mvn verify", List.of());
    learnings.feedback(org, repository, first.id(), true);

    Learning again =
        record(LearningKind.HOW_TO, LearningScope.repo(), "  Run mvn verify ", List.of("x"));

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.helpful()).isEqualTo(1);
    assertThat(learnings.count(org, repository)).isEqualTo(1);
    assertThat(record(LearningKind.PITFALL, LearningScope.repo(), "Run mvn verify", List.of()).id())
        .isNotEqualTo(first.id());
  }

  @Test
  void anotherOrgsLearningsNeverShow() {
    long otherOrg = newOrg();
    RepositoryId otherRepository = newRepository(otherOrg);
    Learning theirs =
        learnings.record(
            otherOrg,
            otherRepository,
            new NewLearning(LearningKind.PITFALL, LearningScope.repo(), "secret pitfall"));

    assertThat(learnings.recall(org, repository, RecallQuery.text("secret pitfall", 5))).isEmpty();
    assertThat(learnings.recall(org, otherRepository, RecallQuery.text("secret", 5))).isEmpty();
    assertThat(learnings.list(org, otherRepository, LearningFilter.all(5))).isEmpty();
    assertThatThrownBy(() -> learnings.feedback(org, otherRepository, theirs.id(), false))
        .isInstanceOf(AtelierException.class)
        .hasMessageContaining("no learning #" + theirs.id());
    assertThat(learnings.get(otherOrg, otherRepository, theirs.id()).confidence())
        .isEqualTo(Learnings.INITIAL_CONFIDENCE);
  }

  @Test
  void listFiltersByKindScopePathAndConfidence() {
    Learning folder =
        record(LearningKind.PITFALL, LearningScope.folder("src/db"), "Close cursors", List.of());
    Learning file =
        record(LearningKind.PITFALL, LearningScope.file("src/db/Pool.java"), "Pool", List.of());
    Learning how = record(LearningKind.HOW_TO, LearningScope.repo(), "mvn verify", List.of());
    learnings.feedback(org, repository, how.id(), true);

    assertThat(
            learnings.list(
                org, repository, new LearningFilter(LearningKind.PITFALL, null, null, 0, 10)))
        .extracting(Learning::id)
        .containsExactly(file.id(), folder.id());
    assertThat(
            learnings.list(
                org, repository, new LearningFilter(null, null, "src/db/Pool.java", 0, 10)))
        .extracting(Learning::id)
        .containsExactlyInAnyOrder(file.id(), folder.id());
    assertThat(learnings.list(org, repository, new LearningFilter(null, null, "src", 0, 10)))
        .extracting(Learning::id)
        .containsExactlyInAnyOrder(file.id(), folder.id());
    assertThat(
            learnings.list(
                org,
                repository,
                new LearningFilter(null, LearningScope.Level.REPO, null, 0.75, 10)))
        .extracting(Learning::id)
        .containsExactly(how.id());
  }

  @Test
  void badLearningsFailWithReasons() {
    assertThatThrownBy(() -> new NewLearning(LearningKind.PITFALL, LearningScope.repo(), "   "))
        .hasMessageContaining("content is empty");
    assertThatThrownBy(() ->
            new NewLearning(LearningKind.PITFALL, LearningScope.repo(), "x".repeat(8 * 1024 + 1)))
        .hasMessageContaining("8193 bytes");
    assertThatThrownBy(() -> LearningKind.ofId("rumour")).hasMessageContaining("convention");
    assertThatThrownBy(() -> LearningScope.folder("../etc"))
        .hasMessageContaining("not inside the repository");
    assertThatThrownBy(() -> LearningScope.file("/etc/passwd"))
        .hasMessageContaining("not inside the repository");
    assertThatThrownBy(() -> learnings.get(org, repository, 424242))
        .hasMessageContaining("no learning #424242");
    assertThat(
            new NewLearning(LearningKind.HOW_TO, LearningScope.repo(), "é".repeat(4096)).content())
        .hasSize(4096);
  }

  private Learning record(
      LearningKind kind, LearningScope scope, String content, List<String> tags) {
    return learnings.record(org, repository, new NewLearning(kind, scope, content, tags, null));
  }

  private long newOrg() {
    String slug = "org-" + UUID.randomUUID();
    return JdbcClient.create(database.dataSource())
        .sql("INSERT INTO orgs (slug, name) VALUES (?, ?) RETURNING id")
        .params(slug, slug)
        .query(Long.class)
        .single();
  }

  private RepositoryId newRepository(long orgId) {
    return ReposStorage.of(database)
        .repositories()
        .register(
            orgId,
            new NewRepository(
                "r", RepositoryKind.WORKING_TREE, "/tmp/r-" + UUID.randomUUID(), "main"))
        .id();
  }
}
