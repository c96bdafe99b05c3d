package dev.atelier.codeintel.internal.insights;

import dev.atelier.repos.FileClass;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Pairs tests with the code they test, by name ({@code FooTest.java} and {@code Foo.java}, {@code
 * test_foo.py} and {@code foo.py}) and by dependency. Which files are tests is the indexer's
 * decision ({@link FileClass#TEST} on the manifest row), not this class's.
 */
public final class TestFiles {

  private static final Pattern AFFIX =
      Pattern.compile("^test_|^Test(?=[A-Z])|_test$|_spec$|Tests?$|IT$|\\.(test|spec)$");

  private TestFiles() {}

  /**
   * The test files that look like {@code path}'s by name, and those among its dependents, sorted.
   *
   * @param classes the class of every file of the branch, by path
   */
  public static List<String> testsOf(
      String path, Map<String, FileClass> classes, Collection<String> dependents) {
    Set<String> found = new TreeSet<>();
    String subject = stem(path.substring(path.lastIndexOf('/') + 1)).toLowerCase(Locale.ROOT);
    classes.forEach((file, fileClass) -> {
      if (!file.equals(path) && fileClass == FileClass.TEST) {
        String stem = stem(file.substring(file.lastIndexOf('/') + 1));
        if (stripped(stem).equals(subject)) {
          found.add(file);
        }
      }
    });
    for (String dependent : dependents) {
      if (classes.get(dependent) == FileClass.TEST) {
        found.add(dependent);
      }
    }
    return List.copyOf(found);
  }

  /** For a test file, the non-test files its name points at ({@code FooTest.java} → Foo.java). */
  public static List<String> subjectsOf(String testPath, Map<String, FileClass> classes) {
    String subject = stripped(stem(testPath.substring(testPath.lastIndexOf('/') + 1)));
    Set<String> found = new TreeSet<>();
    classes.forEach((file, fileClass) -> {
      if (fileClass != FileClass.TEST
          && stem(file.substring(file.lastIndexOf('/') + 1))
              .toLowerCase(Locale.ROOT)
              .equals(subject)) {
        found.add(file);
      }
    });
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
