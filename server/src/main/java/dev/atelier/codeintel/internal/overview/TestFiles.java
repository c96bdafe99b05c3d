package dev.atelier.codeintel.internal.overview;

import dev.atelier.codeintel.RepositoryOverview.TestPlacement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The naming patterns of the files the indexer classed as tests, and where those files sit relative
 * to the code they test. Whether a file is a test is not decided here: see {@code FileClassifier}.
 */
final class TestFiles {

  private record Rule(String language, String pattern, Pattern name) {}

  private static final List<Rule> RULES =
      List.of(
          rule("java", "*Test.java", ".*Tests?\\.java"),
          rule("java", "*IT.java", ".*IT\\.java"),
          rule("java", "Test*.java", "Test[A-Z].*\\.java"),
          rule("kotlin", "*Test.kt", ".*Tests?\\.kt"),
          rule("python", "test_*.py", "test_.*\\.py"),
          rule("python", "*_test.py", ".*_test\\.py"),
          rule("python", "tests.py", "tests\\.py"),
          rule("go", "*_test.go", ".*_test\\.go"),
          rule("javascript", "*.test.js", ".*\\.test\\.[cm]?jsx?"),
          rule("javascript", "*.spec.js", ".*\\.spec\\.[cm]?jsx?"),
          rule("typescript", "*.test.ts", ".*\\.test\\.tsx?"),
          rule("typescript", "*.spec.ts", ".*\\.spec\\.tsx?"),
          rule("ruby", "*_spec.rb", ".*_spec\\.rb"),
          rule("ruby", "*_test.rb", ".*_test\\.rb"),
          rule("csharp", "*Tests.cs", ".*Tests?\\.cs"),
          rule("rust", "tests/*.rs", "(?!mod\\.rs).*\\.rs"),
          rule("php", "*Test.php", ".*Test\\.php"));

  private TestFiles() {}

  private static Rule rule(String language, String pattern, String regex) {
    return new Rule(language, pattern, Pattern.compile(regex));
  }

  private static Optional<Rule> match(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    for (Rule rule : RULES) {
      if (rule.language().equals("rust")) {
        if ((path.startsWith("tests/") || path.contains("/tests/"))
            && rule.name().matcher(name).matches()) {
          return Optional.of(rule);
        }
        continue;
      }
      if (rule.name().matcher(name).matches()) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  private static boolean inTestFolder(String path) {
    return ("/" + path).matches(".*/(tests?|__tests__|spec|testing)/.*");
  }

  /** Test patterns in use, most files first, each with where those files are placed. */
  static List<TestPlacement> placements(Inventory inventory) {
    Map<Rule, List<String>> byRule = new LinkedHashMap<>();
    for (Inventory.FileInfo file : inventory.files()) {
      if (!file.isTest()) {
        continue;
      }
      match(file.path())
          .ifPresent(rule -> byRule.computeIfAbsent(rule, k -> new ArrayList<>()).add(file.path()));
    }
    List<TestPlacement> out = new ArrayList<>();
    byRule.forEach((rule, paths) -> {
      Map<String, Integer> places = new LinkedHashMap<>();
      for (String path : paths) {
        places.merge(placement(rule, path), 1, Integer::sum);
      }
      String where =
          places.entrySet().stream()
              .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
              .map(e -> e.getKey() + (places.size() > 1 ? " (" + e.getValue() + ")" : ""))
              .reduce((a, b) -> a + ", " + b)
              .orElse("");
      out.add(
          new TestPlacement(
              rule.language(),
              rule.pattern(),
              where,
              paths.size(),
              paths.subList(0, Math.min(3, paths.size()))));
    });
    out.sort(Comparator.comparingInt(TestPlacement::files).reversed());
    return out;
  }

  private static String placement(Rule rule, String path) {
    if (path.startsWith("src/test/") || path.contains("/src/test/")) {
      return "under src/test (mirrors src/main)";
    }
    if (rule.language().equals("go")) {
      return "beside the code (same package)";
    }
    if (path.contains("__tests__/")) {
      return "in __tests__ folders";
    }
    if (inTestFolder(path)) {
      return "in test folders (" + testRoot(path) + ")";
    }
    return "beside the code";
  }

  private static String testRoot(String path) {
    String[] parts = path.split("/");
    StringBuilder root = new StringBuilder();
    for (String part : parts) {
      root.append(part).append('/');
      if (part.matches("tests?|spec|testing")) {
        break;
      }
    }
    return root.toString();
  }
}
