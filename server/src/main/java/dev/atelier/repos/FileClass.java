package dev.atelier.repos;

import java.util.Locale;

/**
 * What kind of file a manifest row is, decided once when the branch is indexed and stored on the
 * row, so every tool that skips tests, generated or vendored code skips the same files.
 */
public enum FileClass {
  /** Code the project writes and ships: what a question about behaviour is usually after. */
  SOURCE,
  /** Test code and its data ({@code src/test/}, {@code foo_test.go}, {@code testdata/}, ...). */
  TEST,
  /** Written by a tool ({@code *.pb.go}, a {@code Code generated ... DO NOT EDIT.} header). */
  GENERATED,
  /** Someone else's code copied into the tree ({@code vendor/}, {@code third_party/}, ...). */
  VENDORED,
  /** Prose: {@code docs/}, {@code *.md}, README, LICENSE. */
  DOCUMENTATION;

  /** The value stored in {@code manifest_entries.file_class}. */
  public String stored() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The class a stored value names. */
  public static FileClass ofStored(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
