package dev.atelier.cli;

import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.codeintel.IndexListener;
import dev.atelier.codeintel.SemanticSearch;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.PlatformError;
import dev.atelier.repos.Branch;
import dev.atelier.repos.BranchState;
import dev.atelier.repos.Repository;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code atelier bench retrieval}: file-level recall@5 and MRR@10 of {@code semantic_search} on an
 * eval set (JSON lines: id, corpus, query, expect), per corpus and overall, with query latency.
 */
@Command(
    name = "retrieval",
    mixinStandardHelpOptions = true,
    description =
        "Recall@5, MRR@10 and latency of semantic search on an eval set of JSON lines"
            + " (id, corpus, query, expect: paths relative to the corpus root).")
final class BenchRetrievalCommand implements Callable<Integer> {

  private static final int RESULTS = 10;

  @Spec CommandSpec spec;

  @Option(names = "--eval", paramLabel = "FILE", required = true, description = "The eval set.")
  Path eval = Path.of("eval.jsonl");

  @Option(
      names = "--corpus",
      paramLabel = "NAME=PATH",
      required = true,
      description = "A corpus the eval set names, and its folder (repeatable).")
  Map<String, Path> corpora = new LinkedHashMap<>();

  @Option(
      names = "--data-root",
      paramLabel = "DIR",
      description =
          "Each corpus's index lives in DIR/NAME and is reused when present"
              + " (default: ~/.cache/atelier/bench).")
  Path dataRoot = Path.of(System.getProperty("user.home"), ".cache", "atelier", "bench");

  @Option(names = "--no-vectors", description = "Text and symbols only, even where embedded.")
  boolean noVectors;

  @Option(names = "--reindex", description = "Index each corpus again even if it has an index.")
  boolean reindex;

  @Option(
      names = "--repeat",
      paramLabel = "N",
      description =
          "Run the query set N times for latency (default 3; the first query of each"
              + " corpus, which builds its in-memory index, is timed apart).")
  int repeat = 3;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Option(
      names = "--split",
      paramLabel = "NAME",
      description =
          "Only the queries whose split field is NAME (dev or test in eval/retrieval-own.jsonl).")
  @Nullable String split;

  /** One line of the eval set. */
  record EvalQuery(
      String id, String corpus, String query, List<String> expect, @Nullable String split) {}

  /** One query's outcome. */
  record QueryResult(
      String id, String corpus, String query, int rank, List<String> top, double latencyMs) {}

  /** One corpus's outcome. */
  record CorpusResult(
      String corpus,
      RetrievalMetrics metrics,
      double firstQueryMs,
      long embeddedChunks,
      long totalChunks,
      boolean vectorsUsed) {}

  @Override
  public Integer call() throws InterruptedException {
    if (repeat < 1) {
      throw new ParameterException(spec.commandLine(), "--repeat must be at least 1");
    }
    List<EvalQuery> queries = read(eval);
    String wanted = split;
    if (wanted != null) {
      queries = queries.stream().filter(q -> wanted.equals(q.split())).toList();
    }
    PrintWriter err = spec.commandLine().getErr();
    List<String> skipped =
        queries.stream()
            .map(EvalQuery::corpus)
            .filter(c -> !corpora.containsKey(c))
            .distinct()
            .toList();
    if (!skipped.isEmpty()) {
      // Lets one corpus of a shared eval set be measured alone.
      err.println("atelier: skipping the queries of corpora without --corpus: " + skipped);
      queries = queries.stream().filter(q -> corpora.containsKey(q.corpus())).toList();
    }
    if (queries.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "no query of " + eval + " is about a corpus given with --corpus");
    }
    List<CorpusResult> corpusResults = new ArrayList<>();
    List<QueryResult> all = new ArrayList<>();
    for (Map.Entry<String, Path> corpus : corpora.entrySet()) {
      List<EvalQuery> mine =
          queries.stream().filter(q -> q.corpus().equals(corpus.getKey())).toList();
      if (mine.isEmpty()) {
        continue;
      }
      if (!Files.isDirectory(corpus.getValue())) {
        throw new AtelierException(
            PlatformError.BAD_REQUEST,
            "corpus " + corpus.getKey() + ": not a folder: " + corpus.getValue());
      }
      List<QueryResult> results = new ArrayList<>();
      corpusResults.add(run(corpus.getKey(), corpus.getValue(), mine, results, err));
      all.addAll(results);
    }
    RetrievalMetrics overall =
        RetrievalMetrics.of(
            all.stream().map(QueryResult::rank).toList(),
            all.stream().map(QueryResult::latencyMs).toList());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("vectors", !noVectors);
      result.put("split", split == null ? "all" : split);
      result.put("corpora", corpusResults);
      result.put("overall", overall);
      result.put("queries", all);
      out.println(JsonMapper.builder().build().writeValueAsString(result));
    } else {
      print(out, corpusResults, overall, all);
    }
    out.flush();
    return 0;
  }

  private CorpusResult run(
      String name, Path folder, List<EvalQuery> queries, List<QueryResult> results, PrintWriter err)
      throws InterruptedException {
    StorageOptions storage = new StorageOptions();
    storage.data = dataRoot.resolve(name);
    try (CodeIntelligence core =
        CodeIntelligence.open(storage.settings(folder), CodeIntelligence.defaultThreads())) {
      Repository repository = core.workingTree(folder);
      if (reindex || indexed(core, repository).isEmpty()) {
        err.println("atelier: indexing " + name + " (" + folder + ") ...");
        err.flush();
        core.indexWorkingTree(folder, IndexListener.NONE);
        core.indexer().completeTextIndex(repository.orgId());
      }
      Branch branch =
          indexed(core, repository)
              .orElseThrow(
                  () -> new AtelierException(PlatformError.BAD_REQUEST, name + " did not index"));
      SemanticSearch search = core.semanticSearch();
      long started = System.nanoTime();
      SemanticSearch.Result first =
          search.search(
              repository,
              branch,
              new SemanticSearch.Query(queries.get(0).query(), RESULTS, !noVectors));
      double firstMs = (System.nanoTime() - started) / 1e6;
      List<Double> latencies = new ArrayList<>();
      Map<String, SemanticSearch.Result> last = new LinkedHashMap<>();
      for (int round = 0; round < repeat; round++) {
        for (EvalQuery query : queries) {
          long t0 = System.nanoTime();
          SemanticSearch.Result result =
              search.search(
                  repository, branch, new SemanticSearch.Query(query.query(), RESULTS, !noVectors));
          double ms = (System.nanoTime() - t0) / 1e6;
          latencies.add(ms);
          if (round == repeat - 1) {
            last.put(query.id(), result);
          }
        }
      }
      List<Integer> ranks = new ArrayList<>();
      int i = 0;
      for (EvalQuery query : queries) {
        SemanticSearch.Result result = last.get(query.id());
        List<String> paths =
            result == null
                ? List.of()
                : result.files().stream().map(SemanticSearch.FileHit::path).toList();
        int rank = RetrievalMetrics.firstHit(paths, query.expect());
        ranks.add(rank);
        // The query's latency: its time in the last round.
        double ms = latencies.get((repeat - 1) * queries.size() + i);
        results.add(
            new QueryResult(
                query.id(),
                name,
                query.query(),
                rank,
                paths.subList(0, Math.min(5, paths.size())),
                ms));
        i++;
      }
      RetrievalMetrics metrics = RetrievalMetrics.of(ranks, latencies);
      return new CorpusResult(
          name,
          metrics,
          firstMs,
          first.coverage().embeddedChunks(),
          first.coverage().totalChunks(),
          first.coverage().vectorsUsed());
    }
  }

  private static Optional<Branch> indexed(CodeIntelligence core, Repository repository) {
    return core.repos()
        .branches()
        .find(repository.orgId(), repository.id(), repository.defaultBranch())
        .filter(b -> b.manifestId() != null && b.state() != BranchState.NEW);
  }

  private List<EvalQuery> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new ParameterException(
          spec.commandLine(), "cannot read --eval " + file + ": " + e.getMessage());
    }
    JsonMapper mapper = JsonMapper.builder().build();
    List<EvalQuery> queries = new ArrayList<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      if (line.isEmpty()) {
        continue;
      }
      String where = file + " line " + (n + 1);
      JsonNode node;
      try {
        node = mapper.readTree(line);
      } catch (RuntimeException e) {
        throw new ParameterException(spec.commandLine(), where + " is not JSON");
      }
      String corpus = text(node, "corpus", where);
      String query = text(node, "query", where);
      String id = node.hasNonNull("id") ? node.get("id").asString() : corpus + "-" + (n + 1);
      JsonNode expect = node.get("expect");
      if (expect == null || !expect.isArray() || expect.isEmpty()) {
        throw new ParameterException(
            spec.commandLine(), where + ": expect must be a list of paths");
      }
      List<String> paths = new ArrayList<>();
      expect.forEach(p -> paths.add(p.asString()));
      String part = node.hasNonNull("split") ? node.get("split").asString() : null;
      queries.add(new EvalQuery(id, corpus, query, List.copyOf(paths), part));
    }
    if (queries.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--eval " + file + " holds no queries");
    }
    return queries;
  }

  private String text(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || !value.isString() || value.asString().isBlank()) {
      throw new ParameterException(spec.commandLine(), where + ": " + field + " is required");
    }
    return value.asString();
  }

  private void print(
      PrintWriter out,
      List<CorpusResult> corpora,
      RetrievalMetrics overall,
      List<QueryResult> all) {
    out.printf(
        "semantic_search, %s, %d results per query, latency over %d round(s)%n",
        noVectors ? "text + symbols (no vectors)" : "text + symbols + vectors where embedded",
        RESULTS,
        repeat);
    out.printf(
        "%-10s %7s %9s %7s %8s %8s %12s  %s%n",
        "corpus", "queries", "recall@5", "MRR@10", "p50 ms", "p95 ms", "first ms", "vectors");
    for (CorpusResult c : corpora) {
      RetrievalMetrics m = c.metrics();
      out.printf(
          Locale.ROOT,
          "%-10s %7d %9.3f %7.3f %8.1f %8.1f %12.0f  %,d / %,d embedded%s%n",
          c.corpus(),
          m.queries(),
          m.recallAt5(),
          m.mrrAt10(),
          m.p50Ms(),
          m.p95Ms(),
          c.firstQueryMs(),
          c.embeddedChunks(),
          c.totalChunks(),
          c.vectorsUsed() ? " (used)" : "");
    }
    out.printf(
        Locale.ROOT,
        "%-10s %7d %9.3f %7.3f %8.1f %8.1f%n",
        "overall",
        overall.queries(),
        overall.recallAt5(),
        overall.mrrAt10(),
        overall.p50Ms(),
        overall.p95Ms());
    List<QueryResult> misses = all.stream().filter(q -> q.rank() == 0 || q.rank() > 5).toList();
    if (!misses.isEmpty()) {
      out.println("not in the top 5:");
      for (QueryResult q : misses) {
        out.printf(
            "  %s (%s): %s -> %s%n",
            q.id(),
            q.rank() == 0 ? "not in top " + RESULTS : "rank " + q.rank(),
            q.query(),
            q.top());
      }
    }
  }
}
