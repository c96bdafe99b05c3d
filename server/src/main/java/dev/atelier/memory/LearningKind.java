package dev.atelier.memory;

import dev.atelier.platform.AtelierException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What a learning is about. */
public enum LearningKind {
  /** How things are done here (naming, layout, patterns). */
  CONVENTION("convention"),
  /** A trap that cost time before. */
  PITFALL("pitfall"),
  /** A choice made and why. */
  DECISION("decision"),
  /** Steps that work (build, test, release, debug). */
  HOW_TO("how-to");

  private final String id;

  LearningKind(String id) {
    this.id = id;
  }

  /** The lower-case name stored and shown, e.g. {@code how-to}. */
  public String id() {
    return id;
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(LearningKind::id).toList();
  }

  /** Parses {@code how-to}, {@code how_to} or {@code HOW-TO}; anything else fails clearly. */
  public static LearningKind ofId(String id) {
    String wanted = id.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    for (LearningKind kind : values()) {
      if (kind.id.equals(wanted)) {
        return kind;
      }
    }
    throw new AtelierException(
        MemoryError.INVALID_LEARNING,
        "unknown learning kind '" + id + "'; the kinds are: " + String.join(", ", ids()));
  }
}
