package dev.atelier.memory;

import static java.util.Objects.requireNonNull;

import dev.atelier.platform.AtelierException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A learning to record, checked on construction: content present and at most {@value
 * #MAX_CONTENT_BYTES} bytes, at most {@value #MAX_TAGS} tags of letters, digits, {@code . _ -}.
 *
 * @param kind convention, pitfall, decision or how-to
 * @param scope where it applies
 * @param content what was learned (stripped)
 * @param tags words that help recall it (lower-cased, deduplicated)
 * @param source where it came from, if said
 */
public record NewLearning(
    LearningKind kind,
    LearningScope scope,
    String content,
    List<String> tags,
    @Nullable String source) {

  public static final int MAX_CONTENT_BYTES = 8 * 1024;
  public static final int MAX_TAGS = 20;
  public static final int MAX_TAG_LENGTH = 64;
  public static final int MAX_SOURCE_LENGTH = 1024;

  public NewLearning {
    requireNonNull(kind, "kind is null");
    requireNonNull(scope, "scope is null");
    requireNonNull(content, "content is null");
    content = content.strip();
    if (content.isEmpty()) {
      throw invalid("content is empty; say what was learned");
    }
    int bytes = content.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_CONTENT_BYTES) {
      throw invalid(
          "content is "
              + bytes
              + " bytes; the limit is "
              + MAX_CONTENT_BYTES
              + " (8 KiB): keep a learning to the point, or split it");
    }
    Set<String> clean = new LinkedHashSet<>();
    for (String tag : tags) {
      String t = tag.strip().toLowerCase(Locale.ROOT);
      if (t.isEmpty()) {
        continue;
      }
      if (t.length() > MAX_TAG_LENGTH || !t.matches("[\\p{L}\\p{N}._-]+")) {
        throw invalid(
            "tag '"
                + tag
                + "' must be one word of letters, digits, '.', '_' or '-' (at most "
                + MAX_TAG_LENGTH
                + " characters)");
      }
      clean.add(t);
    }
    if (clean.size() > MAX_TAGS) {
      throw invalid("at most " + MAX_TAGS + " tags, not " + clean.size());
    }
    tags = List.copyOf(clean);
    if (source != null) {
      source = source.strip();
      if (source.isEmpty()) {
        source = null;
      } else if (source.length() > MAX_SOURCE_LENGTH) {
        throw invalid("source is longer than " + MAX_SOURCE_LENGTH + " characters");
      }
    }
  }

  public NewLearning(LearningKind kind, LearningScope scope, String content) {
    this(kind, scope, content, List.of(), null);
  }

  private static AtelierException invalid(String message) {
    return new AtelierException(MemoryError.INVALID_LEARNING, message);
  }
}
