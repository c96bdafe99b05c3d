package dev.atelier.codeintel.internal.insights;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Test files by the conventions of the common ecosystems: {@code FooTest.java}, {@code
 * test_foo.py}, {@code foo_test.go}, {@code foo.spec.ts}, {@code foo_spec.rb}, or any file under a
 * {@code test}/{@code tests}/{@code __tests__}/{@code spec} folder.
 */
public final class TestFiles {

  private static final Pattern TEST_NAME =
      Pattern.compile(
          "test_.+|.+_test|.+_spec|.+\\.(test|spec)|.+[a-z0-9]Tests?|.+[a-z0-9]IT|Test[A-Z].*"
              + "|tests?|conftest");
  private static final Set<String> TEST_FOLDERS = Set.of("test", "tests", "__tests__", "spec");
  private static final Pattern AFFIX =
      Pattern.compile("^test_|^Test(?=[A-Z])|_test$|_spec$|Tests?$|IT$|\\.(test|spec)$");

  private TestFiles() {}

  public static boolean isTest(String path) {
    String[] segments = path.split("/");
    for (int i = 0; i < segments.length - 1; i++) {
      if (TEST_FOLDERS.contains(segments[i].toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    // "contest.py" or "latest.go" are not tests: a suffix needs a camel-case or "_" boundary
    return TEST_NAME.matcher(stem(segments[segments.length - 1])).matches();
  }

  /**
   * The test files that look like {@code path}'s by name, and those among its dependents, sorted.
   */
  public static List<String> testsOf(
      String path, Collection<String> files, Collection<String> dependents) {
    Set<String> found = new TreeSet<>();
    String subject = stem(path.substring(path.lastIndexOf('/') + 1)).toLowerCase(Locale.ROOT);
    for (String file : files) {
      if (!file.equals(path) && isTest(file)) {
        String stem = stem(file.substring(file.lastIndexOf('/') + 1));
        if (stripped(stem).equals(subject)) {
          found.add(file);
        }
      }
    }
    for (String dependent : dependents) {
      if (isTest(dependent)) {
        found.add(dependent);
      }
    }
    return List.copyOf(found);
  }

  /** For a test file, the non-test files its name points at ({@code FooTest.java} → Foo.java). */
  public static List<String> subjectsOf(String testPath, Collection<String> files) {
    String subject = stripped(stem(testPath.substring(testPath.lastIndexOf('/') + 1)));
    Set<String> found = new TreeSet<>();
    for (String file : files) {
      if (!isTest(file)
          && stem(file.substring(file.lastIndexOf('/') + 1))
              .toLowerCase(Locale.ROOT)
              .equals(subject)) {
        found.add(file);
      }
    }
    return List.copyOf(found);
  }

  private static String stem(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot <= 0 ? fileName : fileName.substring(0, dot);
  }

  private static String stripped(String stem) {
    return AFFIX.matcher(stem).replaceAll("").toLowerCase(Locale.ROOT);
  }
}
