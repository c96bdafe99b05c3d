package dev.atelier.cli;

import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.codeintel.TextQuery;
import dev.atelier.mcp.FolderScope;
import dev.atelier.mcp.ToolArguments;
import dev.atelier.mcp.ToolCall;
import dev.atelier.mcp.ToolCatalog;
import dev.atelier.platform.AtelierException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code atelier bench tools PATH}: p50/p95 latency of every tool on an indexed tree, in process
 * (what an agent waits for once the server runs), and regex search against {@code rg} on the same
 * tree in the same run.
 */
@Command(
    name = "tools",
    mixinStandardHelpOptions = true,
    description = "Latency of each tool (p50/p95) on an indexed tree, and regex search against rg.")
final class BenchToolsCommand implements Callable<Integer> {

  private static final int WARM_UP_CALLS = 3;
  private static final int WHOLE_REPOSITORY_CALLS = 10;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PATH", description = "The tree to index (or reuse).")
  Path path = Path.of(".");

  @Option(names = "--calls", paramLabel = "N", description = "Calls per tool (default 60).")
  int calls = 60;

  @Option(names = "--tools", split = ",", description = "Only these tools (default: all).")
  List<String> only = List.of();

  @Option(names = "--no-rg", description = "Skip the comparison with ripgrep.")
  boolean noRg;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Option(
      names = "--cold",
      description =
          "Also time each tool's first call in a fresh process without a serve (median of --runs),"
              + " with the data folder's cache files present and with them deleted first.")
  boolean cold;

  @Option(names = "--runs", paramLabel = "N", description = "Fresh processes per tool (default 3).")
  int runs = 3;

  @Option(names = "--first-call", hidden = true, description = "Internal: one timed first call.")
  @Nullable String firstCall;

  @Option(names = "--first-args", hidden = true, description = "Internal: its arguments (JSON).")
  String firstArgs = "{}";

  @Mixin StorageOptions storage = new StorageOptions();

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ToolCatalog catalog = ToolCatalog.standard();
    if (firstCall != null) {
      return firstCall(catalog, firstCall, out);
    }
    Map<String, Object> report = new LinkedHashMap<>();
    Map<String, Map<String, Object>> workloadArguments;
    try (CodeIntelligence core =
        CodeIntelligence.open(storage.settings(path), CodeIntelligence.defaultThreads())) {
      FolderScope scope = new FolderScope(() -> core, path);
      err.println("indexing (or reusing the index of) " + path.toAbsolutePath().normalize());
      ToolCall context = scope.open(ToolArguments.of(Map.of()));
      core.indexer().completeTextIndex(context.orgId());
      ToolWorkload workload = ToolWorkload.sample(context, path, 40);
      workloadArguments = new LinkedHashMap<>();
      workload.arguments().forEach((name, sets) -> workloadArguments.put(name, sets.getFirst()));
      if (cold) {
        report.put("cold", coldCalls(catalog, workloadArguments, out));
      }
      Map<String, Object> tools = new LinkedHashMap<>();
      for (var entry : workload.arguments().entrySet()) {
        String name = entry.getKey();
        if (!selected(catalog, name)) {
          continue;
        }
        Latencies latencies = measure(catalog, name, entry.getValue(), scope);
        tools.put(name, latencies);
        if (!json) {
          out.printf(
              "%-18s p50 %7.2f ms  p95 %7.2f ms  max %7.2f ms  (%d calls, %d errors)%n",
              name,
              latencies.p50Millis(),
              latencies.p95Millis(),
              latencies.maxMillis(),
              latencies.calls(),
              latencies.errors());
          out.flush();
        }
      }
      report.put("tools", tools);
      if (!noRg && !ripgrepInstalled()) {
        err.println(
            "rg (ripgrep) is not installed: skipping the regex comparison"
                + " (apt-get install ripgrep, or pass --no-rg)");
      } else if (!noRg) {
        report.put("regex", regexAgainstRg(core, context, workload.regexes(), out));
      }
    }
    if (json) {
      out.println(JsonMapper.builder().build().writeValueAsString(report));
    }
    out.flush();
    return 0;
  }

  private boolean selected(ToolCatalog catalog, String name) {
    return catalog.tools().stream().anyMatch(t -> t.name().equals(name))
        && (only.isEmpty() || only.contains(name));
  }

  /**
   * Each selected tool's first call in fresh processes: per run, one with the cache files deleted
   * (what every new process paid before they existed; it writes them again) and one after it.
   */
  private Map<String, Object> coldCalls(
      ToolCatalog catalog, Map<String, Map<String, Object>> arguments, PrintWriter out)
      throws IOException, InterruptedException {
    FirstCalls first = new FirstCalls(path.toAbsolutePath().normalize(), dataFolder());
    Map<String, Object> cold = new LinkedHashMap<>();
    for (var entry : arguments.entrySet()) {
      String name = entry.getKey();
      if (!selected(catalog, name)) {
        continue;
      }
      double[] rebuilt = new double[runs];
      double[] cached = new double[runs];
      double[] callOnly = new double[runs];
      for (int run = 0; run < runs; run++) {
        rebuilt[run] = first.measure(name, entry.getValue(), true).firstCallMillis();
        FirstCalls.Timing timing = first.measure(name, entry.getValue(), false);
        cached[run] = timing.firstCallMillis();
        callOnly[run] = timing.callMillis();
      }
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("firstCallMillis", median(cached));
      figures.put("callAfterOpenMillis", median(callOnly));
      figures.put("firstCallWithoutCacheMillis", median(rebuilt));
      figures.put("runs", runs);
      cold.put(name, figures);
      if (!json) {
        out.printf(
            "%-18s first call %8.1f ms (the call after opening: %8.1f ms); cache files deleted"
                + " first: %8.1f ms (median of %d processes)%n",
            name, median(cached), median(callOnly), median(rebuilt), runs);
        out.flush();
      }
    }
    return cold;
  }

  private Path dataFolder() {
    return StorageOptions.dataDir(storage.data, path);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The hidden child mode of {@code --cold}: open the core, call one tool, say how long. */
  private int firstCall(ToolCatalog catalog, String name, PrintWriter out) {
    @SuppressWarnings("unchecked")
    Map<String, Object> arguments =
        JsonMapper.builder().build().readValue(firstArgs, LinkedHashMap.class);
    long start = System.nanoTime();
    boolean ok;
    try (CodeIntelligence core =
        CodeIntelligence.open(storage.settings(path), CodeIntelligence.defaultThreads())) {
      long opened = System.nanoTime();
      ok = quietly(catalog, name, arguments, new FolderScope(() -> core, path));
      long end = System.nanoTime();
      out.println(FirstCalls.MARKER + (end - start) / 1e6 + " " + (end - opened) / 1e6);
    }
    out.flush();
    return ok ? 0 : 1;
  }

  private Latencies measure(
      ToolCatalog catalog, String name, List<Map<String, Object>> arguments, FolderScope scope) {
    for (int i = 0; i < WARM_UP_CALLS; i++) {
      quietly(catalog, name, arguments.get(i % arguments.size()), scope);
    }
    // Whole-repository tools take one argument set: a few calls show their (cached) cost.
    int count = arguments.size() == 1 ? Math.min(calls, WHOLE_REPOSITORY_CALLS) : calls;
    long[] nanos = new long[count];
    int errors = 0;
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      boolean ok = quietly(catalog, name, arguments.get(i % arguments.size()), scope);
      nanos[i] = System.nanoTime() - start;
      errors += ok ? 0 : 1;
    }
    return Latencies.of(nanos, errors);
  }

  private static boolean quietly(
      ToolCatalog catalog, String name, Map<String, Object> arguments, FolderScope scope) {
    try {
      catalog.call(name, arguments, scope);
      return true;
    } catch (AtelierException e) {
      return false;
    }
  }

  private Map<String, Object> regexAgainstRg(
      CodeIntelligence core, ToolCall context, List<String> patterns, PrintWriter out)
      throws IOException, InterruptedException {
    List<Double> ratios = new ArrayList<>();
    long[] atelier = new long[patterns.size()];
    long[] rg = new long[patterns.size()];
    for (int i = 0; i < patterns.size(); i++) {
      String pattern = patterns.get(i);
      TextQuery query = new TextQuery(pattern, true, true, null, TextQuery.DEFAULT_MAX_MATCHES);
      core.search().text(context.repository(), context.branch().name(), query);
      atelier[i] =
          median(5, () -> core.search().text(context.repository(), context.branch().name(), query));
      rg[i] = median(5, () -> ripgrep(pattern));
      ratios.add((double) rg[i] / Math.max(1, atelier[i]));
    }
    Latencies ours = Latencies.of(atelier, 0);
    Latencies theirs = Latencies.of(rg, 0);
    double medianRatio = ratios.stream().sorted().toList().get(ratios.size() / 2);
    if (!json) {
      out.printf(
          "regex (%d patterns)  atelier p50 %.2f ms, rg p50 %.2f ms: median rg/atelier %.1fx%n",
          patterns.size(), ours.p50Millis(), theirs.p50Millis(), medianRatio);
    }
    return Map.of("patterns", patterns, "atelier", ours, "rg", theirs, "medianRatio", medianRatio);
  }

  private static boolean ripgrepInstalled() {
    try {
      return new ProcessBuilder("rg", "--version")
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start()
              .waitFor()
          == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void ripgrep(String pattern) {
    try {
      Process rg =
          new ProcessBuilder("rg", "-n", "--no-messages", pattern, path.toString())
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      rg.waitFor();
    } catch (IOException e) {
      throw new IllegalStateException("rg is not installed (apt-get install ripgrep) or failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static long median(int runs, Runnable work) {
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      work.run();
      nanos[i] = System.nanoTime() - start;
    }
    java.util.Arrays.sort(nanos);
    return nanos[runs / 2];
  }
}
