package dev.atelier.codeintel.internal.graph;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Names the file a test is about when its name says so ({@code FooTest.java} → {@code Foo.java}).
 * Whether a file is a test is the indexer's decision, stored on the manifest row.
 */
final class TestFiles {

  private static final Pattern SUFFIXED =
      Pattern.compile("(.+?)(?:Tests?|IT|Spec)\\.(java|kt|kts|scala|groovy|cs|swift)");
  private static final Pattern UNDERSCORED =
      Pattern.compile("(?:test_(.+)|(.+)_(?:test|spec))\\.(py|go|rb|rs|exs|ex|c|cc|cpp|dart)");
  private static final Pattern DOTTED =
      Pattern.compile("(.+)\\.(?:spec|test)\\.(ts|tsx|js|jsx|mjs|cjs|mts|cts)");

  private TestFiles() {}

  /**
   * What a test file's name says it tests, as {@code stem.extension} ({@code FooTest.java} → {@code
   * Foo.java}), or null when the name follows no convention.
   */
  static @Nullable String subject(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    Matcher m = SUFFIXED.matcher(name);
    if (m.matches()) {
      return m.group(1) + "." + m.group(2);
    }
    m = UNDERSCORED.matcher(name);
    if (m.matches()) {
      return (m.group(1) != null ? m.group(1) : m.group(2)) + "." + m.group(3);
    }
    m = DOTTED.matcher(name);
    if (m.matches()) {
      return m.group(1) + "." + m.group(2);
    }
    return null;
  }
}
