package dev.atelier.codeintel.internal.overview;

import java.util.Optional;

/** The case style of an identifier, when it tells one (single lower-case words do not). */
enum CaseStyle {
  CAMEL("camelCase"),
  PASCAL("PascalCase"),
  SNAKE("snake_case"),
  UPPER_SNAKE("UPPER_SNAKE_CASE"),
  MIXED("mixed");

  private final String label;

  CaseStyle(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /** The style of {@code name}, leading and trailing underscores aside; empty if undecidable. */
  static Optional<CaseStyle> of(String name) {
    int start = 0;
    int end = name.length();
    while (start < end && name.charAt(start) == '_') {
      start++;
    }
    while (end > start && name.charAt(end - 1) == '_') {
      end--;
    }
    String core = name.substring(start, end);
    if (core.isEmpty() || !Character.isLetter(core.charAt(0))) {
      return Optional.empty();
    }
    boolean underscore = core.indexOf('_') >= 0;
    boolean upper = false;
    boolean lower = false;
    for (int i = 0; i < core.length(); i++) {
      char c = core.charAt(i);
      upper |= Character.isUpperCase(c);
      lower |= Character.isLowerCase(c);
    }
    if (underscore) {
      if (!upper) {
        return Optional.of(SNAKE);
      }
      return Optional.of(lower ? MIXED : UPPER_SNAKE);
    }
    if (Character.isUpperCase(core.charAt(0))) {
      if (lower) {
        return Optional.of(PASCAL);
      }
      // URL, ID, MAX: an acronym or one shouted word says nothing about the style
      return Optional.empty();
    }
    return upper ? Optional.of(CAMEL) : Optional.empty();
  }
}
