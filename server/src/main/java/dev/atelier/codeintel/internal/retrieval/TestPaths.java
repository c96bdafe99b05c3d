package dev.atelier.codeintel.internal.retrieval;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a path is test code, by the layouts and names common across languages: a general prior (a
 * question about behaviour is answered by the code more often than by its tests).
 */
final class TestPaths {

  private static final Set<String> TEST_FOLDERS =
      Set.of("test", "tests", "testing", "testdata", "__tests__", "spec", "specs", "testlib");

  private TestPaths() {}

  static boolean isTest(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    String[] segments = lower.split("/");
    for (int i = 0; i < segments.length - 1; i++) {
      if (TEST_FOLDERS.contains(segments[i]) || segments[i].endsWith("-tests")) {
        return true;
      }
    }
    String name = segments[segments.length - 1];
    String original = path.substring(path.lastIndexOf('/') + 1);
    return name.endsWith("_test.go")
        || name.startsWith("test_")
        || name.endsWith("_test.py")
        || name.equals("tests.py")
        || name.equals("conftest.py")
        || original.matches(".*(Test|Tests|IT|TestCase)\\.(java|kt|scala|groovy|cs)")
        || name.matches(".*\\.(test|spec)\\.[a-z]+")
        || name.endsWith("_spec.rb")
        || name.endsWith("_test.rb");
  }
}
