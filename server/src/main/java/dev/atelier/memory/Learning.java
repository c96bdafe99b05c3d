package dev.atelier.memory;

import static java.util.Objects.requireNonNull;

import dev.atelier.repos.RepositoryId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A stored learning about a repository.
 *
 * @param id its id, unique in the org
 * @param orgId the org it belongs to
 * @param repositoryId the repository it is about
 * @param kind convention, pitfall, decision or how-to
 * @param scope where it applies
 * @param content what was learned
 * @param tags lower-case words that help recall it
 * @param source where it came from (an agent, a PR, a URL), if said
 * @param confidence in [0, 1]: starts at {@link Learnings#INITIAL_CONFIDENCE}, moves with feedback
 * @param helpful how often it was marked helpful
 * @param unhelpful how often it was marked unhelpful
 * @param createdAt when it was recorded
 * @param updatedAt when it was last changed (feedback included)
 */
public record Learning(
    long id,
    long orgId,
    RepositoryId repositoryId,
    LearningKind kind,
    LearningScope scope,
    String content,
    List<String> tags,
    @Nullable String source,
    double confidence,
    int helpful,
    int unhelpful,
    Instant createdAt,
    Instant updatedAt) {

  public Learning {
    requireNonNull(repositoryId, "repositoryId is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(scope, "scope is null");
    requireNonNull(content, "content is null");
    tags = List.copyOf(tags);
    requireNonNull(createdAt, "createdAt is null");
    requireNonNull(updatedAt, "updatedAt is null");
  }

  /** Whether confidence has decayed below the floor that recall leaves out by default. */
  public boolean decayed() {
    return confidence < Learnings.CONFIDENCE_FLOOR;
  }
}
