package dev.atelier.mcp;

import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.codeintel.internal.index.PackedReferences;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.repos.Repository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Latency of the analysis tools on an already indexed corpus, through {@link ToolCatalog#call} (the
 * path MCP, REST and the CLI share): {@code lsp_definition} at the positions of randomly sampled
 * stored references (seed 7), and {@code security_scan} over the whole branch.
 *
 * <p>Run: {@code java -cp <test+main classpath> dev.atelier.mcp.AnalysisToolsBenchmark TREE DATA
 * [lsp|scan|explore] [samples]}.
 */
public final class AnalysisToolsBenchmark {

  public static void main(String[] args) throws Exception {
    Path tree = Path.of(args[0]);
    Path data = Path.of(args[1]);
    String what = args.length > 2 ? args[2] : "lsp";
    int samples = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
    try (CodeIntelligence core =
        CodeIntelligence.open(AtelierSettings.local(tree).withDataDir(data), 1)) {
      Repository repository = core.workingTree(tree);
      ToolScope scope = ToolScope.of(core, repository);
      ToolCatalog catalog = ToolCatalog.standard();
      if (what.equals("scan")) {
        scan(catalog, scope, samples);
      } else if (what.equals("explore")) {
        explore(catalog, scope, samples);
      } else {
        lsp(core, repository, catalog, scope, samples);
      }
    }
  }

  private static void lsp(
      CodeIntelligence core, Repository repository, ToolCatalog catalog, ToolScope scope, int n) {
    long branch =
        core.repos()
            .branches()
            .find(repository.orgId(), repository.id(), repository.defaultBranch())
            .orElseThrow()
            .id()
            .value();
    List<Object[]> positions = new ArrayList<>();
    new org.springframework.jdbc.core.JdbcTemplate(core.database().dataSource())
        .query(
            "SELECT f.path, r.refs FROM branch_files f"
                + " JOIN blob_refs r ON r.org_id = f.org_id AND r.blob_id = f.blob_id"
                + " WHERE f.org_id = ? AND f.branch_id = ? AND f.path LIKE '%.go'",
            (java.sql.ResultSet row) -> {
              for (var r : PackedReferences.unpack(row.getString(2))) {
                positions.add(new Object[] {row.getString(1), r.line(), r.startColumn() + 1});
              }
            },
            repository.orgId(),
            branch);
    Random random = new Random(7);
    List<Object[]> sample = new ArrayList<>();
    for (int i = 0; i < n + 200; i++) {
      sample.add(positions.get(random.nextInt(positions.size())));
    }
    Map<String, Integer> via = new TreeMap<>();
    Map<String, List<Long>> byVia = new TreeMap<>();
    long[] nanos = new long[n];
    long[] cpu = new long[n];
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    int errors = 0;
    for (int i = 0; i < sample.size(); i++) {
      Object[] p = sample.get(i);
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      try {
        ToolAnswer answer =
            catalog.call(
                "lsp_definition", Map.of("path", p[0], "line", p[1], "column", p[2]), scope);
        if (i >= 200) {
          List<?> targets = (List<?>) answer.structured().get("definitions");
          String how =
              targets == null || targets.isEmpty()
                  ? "none"
                  : String.valueOf(
                      ((dev.atelier.codeintel.CodeNavigation.Target) targets.getFirst()).via());
          via.merge(how, 1, Integer::sum);
          byVia.computeIfAbsent(how, k -> new ArrayList<>()).add(System.nanoTime() - t0);
        }
      } catch (RuntimeException e) {
        errors++;
      }
      if (i >= 200) {
        nanos[i - 200] = System.nanoTime() - t0;
        cpu[i - 200] = threads.getCurrentThreadCpuTime() - c0;
      }
    }
    report(
        "lsp_definition (" + positions.size() + " reference positions, " + n + " sampled)", nanos);
    report("  CPU time of the calling thread (what a quiet machine's wall time approaches)", cpu);
    System.out.println("  first target via: " + via + ", errors: " + errors);
    byVia.forEach(
        (how, list) -> report("  via " + how, list.stream().mapToLong(Long::longValue).toArray()));
  }

  private static void scan(ToolCatalog catalog, ToolScope scope, int rounds) {
    long[] nanos = new long[Math.max(1, Math.min(rounds, 10))];
    for (int i = -1; i < nanos.length; i++) {
      long t0 = System.nanoTime();
      ToolAnswer answer = catalog.call("security_scan", Map.of("max_tokens", 400), scope);
      long took = System.nanoTime() - t0;
      if (i < 0) {
        System.out.println(answer.text().lines().findFirst().orElse(""));
        System.out.println(answer.text());
      } else {
        nanos[i] = took;
      }
    }
    report("security_scan (whole branch)", nanos);
  }

  private static void explore(ToolCatalog catalog, ToolScope scope, int rounds) {
    for (String folder : List.of("", "net", "net/http")) {
      long[] nanos = new long[Math.max(1, Math.min(rounds, 20))];
      for (int i = -2; i < nanos.length; i++) {
        long t0 = System.nanoTime();
        catalog.call("explore_codebase", Map.of("path", folder), scope);
        if (i >= 0) {
          nanos[i] = System.nanoTime() - t0;
        }
      }
      report("explore_codebase '" + folder + "'", nanos);
    }
  }

  private static void report(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%s: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
        what,
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) (sorted.length * 0.95)] / 1e6,
        sorted[(int) Math.min(sorted.length - 1, sorted.length * 0.99)] / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }
}
