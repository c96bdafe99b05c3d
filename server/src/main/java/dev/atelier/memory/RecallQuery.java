package dev.atelier.memory;

import dev.atelier.platform.AtelierException;
import java.util.List;

/**
 * What to recall learnings for: words, files, or both.
 *
 * @param text words to match against content and tags; may be empty when files are given
 * @param files repository-relative files being worked on; may be empty when text is given
 * @param limit how many learnings at most
 * @param includeDecayed whether learnings below the confidence floor may be recalled
 */
public record RecallQuery(String text, List<String> files, int limit, boolean includeDecayed) {

  public RecallQuery {
    text = text.strip();
    files = List.copyOf(files);
    if (text.isEmpty() && files.isEmpty()) {
      throw new AtelierException(
          MemoryError.INVALID_LEARNING, "recall needs a query, files, or both");
    }
    if (limit < 1) {
      throw new AtelierException(MemoryError.INVALID_LEARNING, "limit must be at least 1");
    }
  }

  public static RecallQuery text(String text, int limit) {
    return new RecallQuery(text, List.of(), limit, false);
  }

  public static RecallQuery files(List<String> files, int limit) {
    return new RecallQuery("", files, limit, false);
  }
}
