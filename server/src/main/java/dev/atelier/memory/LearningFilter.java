package dev.atelier.memory;

import dev.atelier.platform.AtelierException;
import org.jspecify.annotations.Nullable;

/**
 * Which learnings to list.
 *
 * @param kind only this kind, or any
 * @param level only this scope level, or any
 * @param path only learnings whose scope path is this path or under it, or any
 * @param minConfidence only learnings at least this confident, in [0, 1]
 * @param limit how many at most
 */
public record LearningFilter(
    @Nullable LearningKind kind,
    LearningScope.@Nullable Level level,
    @Nullable String path,
    double minConfidence,
    int limit) {

  public LearningFilter {
    if (!(minConfidence >= 0 && minConfidence <= 1)) {
      throw new AtelierException(
          MemoryError.INVALID_LEARNING,
          "min_confidence must be between 0 and 1, not " + minConfidence);
    }
    if (limit < 1) {
      throw new AtelierException(MemoryError.INVALID_LEARNING, "limit must be at least 1");
    }
  }

  public static LearningFilter all(int limit) {
    return new LearningFilter(null, null, null, 0, limit);
  }
}
