package dev.atelier.mcp;

import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.platform.AtelierSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Latency of the graph tools (impact_analysis, graph_query, repo_map, community_detection) on an
 * existing index, through {@link ToolCatalog#call} as MCP and the CLI run them: the first call
 * (which loads the branch's graph) and p50/p95 of warm calls with varying arguments. Not a test: no
 * JUnit, not run by the build.
 *
 * <p>Run: {@code java -cp <test+main classpath> dev.atelier.mcp.GraphToolsBenchmark TREE DATA
 * [rounds]}, e.g. TREE {@code /usr/share/go-1.19/src}, DATA {@code /work/bench-data/go} (indexed
 * before with {@code atelier index TREE --data DATA}).
 */
public final class GraphToolsBenchmark {

  public static void main(String[] args) throws Exception {
    Path tree = Path.of(args[0]);
    Path data = Path.of(args[1]);
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    ToolCatalog catalog = ToolCatalog.standard();
    try (CodeIntelligence core =
        CodeIntelligence.open(AtelierSettings.local(tree).withDataDir(data), 1)) {
      ToolScope scope = new FolderScope(() -> core, tree);
      long t0 = System.nanoTime();
      catalog.call("graph_query", Map.of("query", "imports", "from", "fmt/print.go"), scope);
      System.out.printf("first call (loads the graph): %.0f ms%n", (System.nanoTime() - t0) / 1e6);
      run(
          catalog,
          scope,
          rounds,
          "impact_analysis",
          List.of(
              Map.of("files", List.of("fmt/print.go")),
              Map.of("files", List.of("net/http/server.go")),
              Map.of("files", List.of("strings/builder.go")),
              Map.of("symbols", List.of("Fprintf")),
              Map.of("symbols", List.of("sort.Slice")),
              Map.of("files", List.of("errors/errors.go"), "depth", 2)));
      run(
          catalog,
          scope,
          rounds,
          "graph_query",
          List.of(
              Map.of("query", "callers", "from", "Fprintf", "depth", 2),
              Map.of("query", "callees", "from", "ListenAndServe", "depth", 3),
              Map.of("query", "importers", "from", "net/http/server.go", "depth", 2),
              Map.of("query", "path", "from", "net/http/server.go", "to", "unicode/utf8/utf8.go"),
              Map.of("query", "path", "from", "ListenAndServe", "to", "Fprintf")));
      run(
          catalog,
          scope,
          rounds,
          "repo_map",
          List.of(
              Map.of(),
              Map.of("focus", List.of("net/http/server.go")),
              Map.of("focus", List.of("encoding/json/decode.go", "encoding/json/encode.go"))));
      run(catalog, scope, rounds, "community_detection", List.of(Map.of()));
    }
  }

  private static void run(
      ToolCatalog catalog,
      ToolScope scope,
      int rounds,
      String tool,
      List<Map<String, Object>> calls) {
    List<Long> warm = new ArrayList<>();
    long first = System.nanoTime();
    catalog.call(tool, calls.getFirst(), scope);
    first = System.nanoTime() - first;
    if (System.getenv("BENCH_SHOW") != null) {
      for (Map<String, Object> arguments : calls) {
        String text = catalog.call(tool, arguments, scope).text();
        System.out.println(
            "== "
                + tool
                + " "
                + arguments
                + "\n"
                + text.lines()
                    .limit(Long.parseLong(System.getenv("BENCH_SHOW")))
                    .collect(java.util.stream.Collectors.joining("\n")));
      }
    }
    for (int r = 0; r < rounds; r++) {
      for (Map<String, Object> arguments : calls) {
        long t = System.nanoTime();
        catalog.call(tool, arguments, scope);
        warm.add(System.nanoTime() - t);
      }
    }
    long[] sorted = warm.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(
        "%-20s first %6.1f ms   warm p50 %6.1f ms  p95 %6.1f ms  (%d calls)%n",
        tool,
        first / 1e6,
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6,
        sorted.length);
    if (System.getenv("BENCH_DETAIL") != null) {
      for (int c = 0; c < calls.size(); c++) {
        long[] mine = new long[rounds];
        for (int r = 0; r < rounds; r++) {
          mine[r] = warm.get(r * calls.size() + c);
        }
        Arrays.sort(mine);
        System.out.printf("    p50 %6.1f ms  %s%n", mine[rounds / 2] / 1e6, calls.get(c));
      }
    }
  }
}
