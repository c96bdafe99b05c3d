package dev.atelier.memory;

import static java.util.Objects.requireNonNull;

import dev.atelier.memory.internal.Confidence;
import dev.atelier.memory.internal.LearningRows;
import dev.atelier.memory.internal.RecallRanker;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Database;
import dev.atelier.platform.Sql;
import dev.atelier.repos.RepositoryId;
import java.util.List;
import java.util.Optional;

/**
 * The learnings of an org's repositories: record, recall, list and feedback. Every call names the
 * org and the repository, and every query filters by both.
 *
 * <p>Confidence starts at {@value #INITIAL_CONFIDENCE}; "helpful" moves it a quarter of the way to
 * 1, "unhelpful" takes away 35% of it, so three unhelpful marks in a row take a fresh learning
 * below the floor of {@value #CONFIDENCE_FLOOR}, where recall stops offering it by default.
 */
public final class Learnings {

  public static final double INITIAL_CONFIDENCE = Confidence.INITIAL;
  public static final double CONFIDENCE_FLOOR = Confidence.FLOOR;

  /** Recall ranks at most this many of a repository's most confident learnings. */
  static final int RECALL_CANDIDATES = 10_000;

  private final LearningRows rows;

  public Learnings(Database database) {
    requireNonNull(database, "database is null");
    this.rows = new LearningRows(new Sql(database.dataSource(), database.vendor()));
  }

  /**
   * Stores a learning; the same content of the same kind and scope, recorded before, is not stored
   * twice: the earlier learning (with its confidence) is returned instead.
   */
  public Learning record(long orgId, RepositoryId repository, NewLearning learning) {
    requireNonNull(repository, "repository is null");
    requireNonNull(learning, "learning is null");
    return findSame(orgId, repository, learning)
        .orElseGet(() -> rows.insert(orgId, repository, learning, Confidence.INITIAL));
  }

  /** The learning recorded before with the same kind, scope and content, if any. */
  public Optional<Learning> findSame(long orgId, RepositoryId repository, NewLearning learning) {
    return rows.findSame(orgId, repository, learning);
  }

  /** The learning with this id in the repository, or a not-found error. */
  public Learning get(long orgId, RepositoryId repository, long id) {
    return rows.find(orgId, repository, id)
        .orElseThrow(() ->
            new AtelierException(
                MemoryError.LEARNING_NOT_FOUND,
                "no learning #" + id + " in this repository; list_learnings shows the ids"));
  }

  /**
   * The learnings relevant to the query's words and files, best first: text relevance (BM25 over
   * content and tags) and scope match (file over folder over repository), times confidence.
   */
  public List<RecalledLearning> recall(long orgId, RepositoryId repository, RecallQuery query) {
    requireNonNull(query, "query is null");
    double floor = query.includeDecayed() ? 0 : Confidence.FLOOR;
    List<Learning> candidates = rows.candidates(orgId, repository, floor, RECALL_CANDIDATES);
    return RecallRanker.rank(candidates, query);
  }

  /** Learnings matching the filter, most confident first. */
  public List<Learning> list(long orgId, RepositoryId repository, LearningFilter filter) {
    requireNonNull(filter, "filter is null");
    return rows.list(orgId, repository, filter);
  }

  /** Marks a learning helpful or not and returns it with its new confidence. */
  public Learning feedback(long orgId, RepositoryId repository, long id, boolean helpful) {
    if (!rows.feedback(orgId, repository, id, helpful)) {
      get(orgId, repository, id);
    }
    return get(orgId, repository, id);
  }

  /** How many learnings the repository has (all confidences). */
  public long count(long orgId, RepositoryId repository) {
    return rows.count(orgId, repository);
  }
}
