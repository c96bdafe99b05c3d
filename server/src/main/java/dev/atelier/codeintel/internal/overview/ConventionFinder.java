package dev.atelier.codeintel.internal.overview;

import dev.atelier.codeintel.Language;
import dev.atelier.codeintel.RepositoryOverview.Anchor;
import dev.atelier.codeintel.RepositoryOverview.Conventions;
import dev.atelier.codeintel.RepositoryOverview.ErrorHandling;
import dev.atelier.codeintel.RepositoryOverview.Layout;
import dev.atelier.codeintel.RepositoryOverview.NamedAnchor;
import dev.atelier.codeintel.RepositoryOverview.NamingStyle;
import dev.atelier.codeintel.SymbolKind;
import dev.atelier.repos.FileClass;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The observed conventions of a branch: naming, layout, tests, frameworks, error handling. */
public final class ConventionFinder {

  /** Categories with fewer decidable names than this say nothing. */
  private static final int MIN_NAMES = 3;

  private static final int EXAMPLES = 3;

  /** Above this many definitions, naming and exception types are read from a sample. */
  private static final int MAX_DEFINITIONS = 40_000;

  /** Go files read to count {@code if err != nil}; spread over the tree. */
  private static final int GO_SAMPLE = 400;

  private static final Pattern GO_ERR_CHECK =
      Pattern.compile("if\\s+(?:[^;{\\n]*;\\s*)?err\\s*!=\\s*nil");

  private static final List<String> SOURCE_ROOTS =
      List.of("src/main/java", "src/main/kotlin", "src", "lib", "pkg", "internal", "cmd", "app");
  private static final List<String> TEST_ROOTS =
      List.of("src/test/java", "src/test/kotlin", "src/test", "tests", "test", "__tests__", "spec");

  private final Inventory inventory;

  public ConventionFinder(Inventory inventory) {
    this.inventory = inventory;
  }

  public Conventions conventions() {
    List<Inventory.Definition> definitions = inventory.definitions(MAX_DEFINITIONS);
    return new Conventions(
        inventory.definitionStep(),
        naming(definitions),
        layout(),
        TestFiles.placements(inventory),
        Frameworks.detect(inventory, new BuildFiles(inventory)),
        errors());
  }

  private static String category(SymbolKind kind) {
    return switch (kind) {
      case CLASS, INTERFACE, ENUM, RECORD, STRUCT, TRAIT, TYPE_ALIAS -> "types";
      case FUNCTION, METHOD -> "functions";
      case FIELD, PROPERTY, VARIABLE -> "fields/variables";
      case CONSTANT -> "constants";
      default -> "";
    };
  }

  private List<NamingStyle> naming(List<Inventory.Definition> definitions) {
    record Key(String language, String category) {}
    Map<Key, Map<CaseStyle, List<NamedAnchor>>> groups = new LinkedHashMap<>();
    for (Inventory.Definition d : definitions) {
      String category = category(d.kind());
      Language language = Language.ofPath(d.path());
      if (category.isEmpty() || language == Language.TEXT || isDunder(d.name())) {
        continue;
      }
      CaseStyle.of(d.name())
          .ifPresent(style ->
              groups
                  .computeIfAbsent(
                      new Key(language.id(), category), k -> new EnumMap<>(CaseStyle.class))
                  .computeIfAbsent(style, k -> new ArrayList<>())
                  .add(new NamedAnchor(d.name(), new Anchor(d.path(), d.line()))));
    }
    List<NamingStyle> out = new ArrayList<>();
    groups.forEach((key, styles) -> {
      int total = styles.values().stream().mapToInt(List::size).sum();
      if (total < MIN_NAMES) {
        return;
      }
      List<Map.Entry<CaseStyle, List<NamedAnchor>>> ranked =
          styles.entrySet().stream()
              .sorted(
                  Comparator.comparingInt(
                          (Map.Entry<CaseStyle, List<NamedAnchor>> e) -> e.getValue().size())
                      .reversed())
              .toList();
      Map<String, Integer> counts = new LinkedHashMap<>();
      ranked.forEach(e -> counts.put(e.getKey().label(), e.getValue().size()));
      List<NamedAnchor> examples = spread(distinctNames(ranked.getFirst().getValue()), EXAMPLES);
      List<NamedAnchor> exceptions = new ArrayList<>();
      ranked.stream()
          .skip(1)
          .forEach(e -> exceptions.addAll(spread(distinctNames(e.getValue()), 1)));
      out.add(
          new NamingStyle(
              key.language(),
              key.category(),
              total,
              counts,
              examples,
              exceptions.subList(0, Math.min(EXAMPLES, exceptions.size()))));
    });
    out.sort(Comparator.comparingInt(NamingStyle::names).reversed());
    return out;
  }

  /** The first definition of each name, so examples show different names. */
  private static List<NamedAnchor> distinctNames(List<NamedAnchor> anchors) {
    Map<String, NamedAnchor> first = new LinkedHashMap<>();
    anchors.forEach(a -> first.putIfAbsent(a.name(), a));
    return List.copyOf(first.values());
  }

  /** Python's {@code __init__} and friends follow the language, not the project. */
  private static boolean isDunder(String name) {
    return name.length() > 4 && name.startsWith("__") && name.endsWith("__");
  }

  /** Up to {@code n} items spread over the list (different files, not the first few of one). */
  private static <T> List<T> spread(List<T> items, int n) {
    if (items.size() <= n) {
      return List.copyOf(items);
    }
    List<T> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(items.get((int) ((long) i * items.size() / n)));
    }
    return out;
  }

  private Layout layout() {
    List<String> sources = new ArrayList<>();
    List<String> tests = new ArrayList<>();
    for (String root : SOURCE_ROOTS) {
      if (hasFolder(root)
          && sources.stream()
              .noneMatch(s -> s.startsWith(root + "/") || root.startsWith(s + "/"))) {
        sources.add(root + "/");
      }
    }
    for (String root : TEST_ROOTS) {
      if (hasFolder(root)
          && tests.stream()
              .noneMatch(t -> t.startsWith(root + "/") || (root + "/").startsWith(t))) {
        tests.add(root + "/");
      }
    }
    return new Layout(Summarizer.topFolders(inventory, 10), sources, tests);
  }

  private boolean hasFolder(String folder) {
    String prefix = folder + "/";
    return inventory.files().stream().anyMatch(f -> f.path().startsWith(prefix));
  }

  private ErrorHandling errors() {
    List<NamedAnchor> types = new ArrayList<>();
    for (Inventory.Definition d : inventory.exceptionTypes()) {
      if (d.name().length() > 5) {
        types.add(new NamedAnchor(d.name(), new Anchor(d.path(), d.line())));
      }
    }
    List<String> goFiles =
        inventory.files().stream()
            .filter(f -> f.language() == Language.GO && f.fileClass() == FileClass.SOURCE)
            .map(Inventory.FileInfo::path)
            .toList();
    List<String> sample = spread(goFiles, GO_SAMPLE);
    int checks = 0;
    for (String text : inventory.read(sample).values()) {
      Matcher m = GO_ERR_CHECK.matcher(text);
      while (m.find()) {
        checks++;
      }
    }
    return new ErrorHandling(types.size(), spread(types, 5), checks, sample.size());
  }
}
