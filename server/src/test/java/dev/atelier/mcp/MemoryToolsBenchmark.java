package dev.atelier.mcp;

import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.platform.AtelierSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Latency of the memory and orientation tools on a real index, in one warm JVM: records {@code
 * learnings} synthetic learnings (once per data folder run), then calls each tool {@code rounds}
 * times and prints p50/p95.
 *
 * <p>Run: {@code java -cp <test+main classpath> dev.atelier.mcp.MemoryToolsBenchmark TREE DATA
 * [rounds] [learnings]}.
 */
public final class MemoryToolsBenchmark {

  private static final String[] WORDS = {
    "cache",
    "query",
    "migration",
    "template",
    "form",
    "admin",
    "session",
    "middleware",
    "test",
    "signal",
    "model",
    "field",
    "url",
    "view",
    "auth",
    "settings",
    "locale",
    "timezone",
    "sql",
    "transaction"
  };

  public static void main(String[] args) throws Exception {
    Path tree = Path.of(args[0]).toAbsolutePath();
    Path data = Path.of(args[1]).toAbsolutePath();
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    int learnings = args.length > 3 ? Integer.parseInt(args[3]) : 500;
    ToolCatalog catalog = ToolCatalog.standard();
    try (CodeIntelligence core =
        CodeIntelligence.open(AtelierSettings.local(tree).withDataDir(data), 2)) {
      ToolScope scope = new FolderScope(() -> core, tree);
      long t0 = System.nanoTime();
      catalog.call("project_summary", Map.of(), scope);
      System.out.printf(Locale.ROOT, "first call (index or open): %.0f ms%n", ms(t0));
      List<String> files =
          core
              .repos()
              .manifests()
              .entries(
                  scope.open(ToolArguments.of(Map.of())).orgId(),
                  scope.open(ToolArguments.of(Map.of())).branch().manifestId())
              .stream()
              .map(e -> e.path().value())
              .filter(p -> p.endsWith(".py") || p.endsWith(".java") || p.endsWith(".go"))
              .toList();
      for (int i = 0; i < learnings; i++) {
        String file = files.get((i * 7919) % files.size());
        Map<String, Object> a =
            i % 3 == 0
                ? Map.of("content", sentence(i), "kind", "pitfall", "path", file)
                : i % 3 == 1
                    ? Map.of(
                        "content",
                        sentence(i),
                        "kind",
                        "convention",
                        "tags",
                        List.of(WORDS[i % WORDS.length]))
                    : file.contains("/")
                        ? Map.of("content", sentence(i), "kind", "how-to", "path", folder(file))
                        : Map.of("content", sentence(i), "kind", "how-to");
        catalog.call("record_learning", a, scope);
      }
      String someFile = files.get(files.size() / 2);
      time(
          rounds,
          "record_learning",
          () ->
              catalog.call(
                  "record_learning",
                  Map.of("content", "bench " + System.nanoTime(), "kind", "decision"),
                  scope));
      time(
          rounds,
          "recall (query)",
          () ->
              catalog.call(
                  "recall", Map.of("query", "cache invalidation in the admin session"), scope));
      time(
          rounds,
          "recall (files)",
          () -> catalog.call("recall", Map.of("files", List.of(someFile)), scope));
      time(
          rounds,
          "recall (query+files)",
          () ->
              catalog.call(
                  "recall", Map.of("query", "sql transaction", "files", List.of(someFile)), scope));
      time(
          rounds,
          "list_learnings (kind, 50)",
          () -> catalog.call("list_learnings", Map.of("kind", "pitfall"), scope));
      time(
          rounds,
          "learning_feedback",
          () -> catalog.call("learning_feedback", Map.of("id", 1, "helpful", true), scope));
      time(rounds, "project_summary", () -> catalog.call("project_summary", Map.of(), scope));
      time(rounds, "conventions", () -> catalog.call("conventions", Map.of(), scope));
      time(rounds, "bootstrap (4k tokens)", () -> catalog.call("bootstrap", Map.of(), scope));
      System.out.println("--- bootstrap ---");
      System.out.println(catalog.call("bootstrap", Map.of(), scope).text());
    }
  }

  private static String sentence(int i) {
    return "When changing the "
        + WORDS[i % WORDS.length]
        + " code remember that the "
        + WORDS[(i * 3 + 1) % WORDS.length]
        + " layer caches "
        + WORDS[(i * 7 + 2) % WORDS.length]
        + " results (note "
        + i
        + ")";
  }

  private static String folder(String file) {
    int slash = file.lastIndexOf('/');
    return file.substring(0, slash);
  }

  private static void time(int rounds, String label, Supplier<ToolAnswer> call) {
    int chars = 0;
    for (int i = 0; i < 3; i++) {
      chars += call.get().text().length();
    }
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      chars += call.get().text().length();
      times.add(ms(t0));
    }
    double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.printf(
        Locale.ROOT,
        "%-28s p50 %7.1f ms  p95 %7.1f ms  (n=%d, %d chars/answer)%n",
        label,
        sorted[sorted.length / 2],
        sorted[(int) Math.ceil(sorted.length * 0.95) - 1],
        rounds,
        chars / (rounds + 3));
  }

  private static double ms(long start) {
    return (System.nanoTime() - start) / 1e6;
  }
}
