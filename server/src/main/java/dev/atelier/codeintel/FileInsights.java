package dev.atelier.codeintel;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.ChangeHistory.CoChange;
import dev.atelier.codeintel.ChangeHistory.FileChurn;
import dev.atelier.codeintel.ChangeHistory.History;
import dev.atelier.codeintel.internal.insights.FileNeighbours;
import dev.atelier.codeintel.internal.insights.InsightStore;
import dev.atelier.codeintel.internal.insights.InsightStore.FileRow;
import dev.atelier.codeintel.internal.insights.InsightStore.SymbolRow;
import dev.atelier.codeintel.internal.insights.SourceMetrics;
import dev.atelier.codeintel.internal.insights.SourceMetrics.Metrics;
import dev.atelier.codeintel.internal.insights.SourceMetrics.Span;
import dev.atelier.codeintel.internal.insights.TestFiles;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Database;
import dev.atelier.repos.Branch;
import dev.atelier.repos.FileClass;
import dev.atelier.repos.ManifestId;
import dev.atelier.repos.Repository;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Per-file analyses for agents: {@link #analyse one file} (size, complexity, symbols, imports,
 * dependents, churn, findings), {@link #hotspots} (churn × complexity × fan-in) and {@link
 * #related} files (co-change, graph proximity, embedding similarity, each with its reason). Git
 * history comes from {@link ChangeHistory}; complexity is a cheap estimate from the text and the
 * indexed symbol ranges, kept per blob; the file graph is read once per resolved state of a branch.
 */
public final class FileInsights implements AutoCloseable {

  /** Functions longer than this many lines are reported. */
  public static final int LONG_FUNCTION_LINES = 80;

  /** Nesting deeper than this inside a function is reported. */
  public static final int DEEP_NESTING = 4;

  /** A function whose estimated cyclomatic complexity exceeds this is reported. */
  public static final int COMPLEX_FUNCTION = 15;

  /** Co-changes need at least this many shared commits: one shared commit says little. */
  public static final int MIN_CO_CHANGE_SUPPORT = 2;

  /**
   * A file's complexity estimate.
   *
   * @param cyclomatic decision points plus one per function
   * @param functions functions and methods
   * @param maxNesting the deepest block nesting inside a function
   * @param longestFunction lines of the longest function
   */
  public record Complexity(int cyclomatic, int functions, int maxNesting, int longestFunction) {}

  /**
   * A file ranked by churn × complexity × fan-in.
   *
   * @param score commits × cyclomatic × log2(2 + fan-in); without git history, cyclomatic × log2(2
   *     + fan-in)
   * @param churn null without git history
   * @param fanIn files importing it or referencing into it
   */
  public record Hotspot(
      String path, double score, @Nullable FileChurn churn, Complexity complexity, int fanIn) {}

  /** The ranking and what it was computed from. */
  public record Hotspots(String history, boolean churnKnown, int considered, List<Hotspot> files) {}

  /** A file related to the one asked about, with why. */
  public record Relation(String path, double score, List<String> reasons) {}

  /** The files related to one file, and what the signals could see. */
  public record Related(String path, String history, String embeddings, List<Relation> files) {}

  /** Something worth a reader's attention in a file, at a line (0 for the whole file). */
  public record Finding(String kind, int line, String message) {}

  /** A definition of the outline. */
  public record OutlineEntry(String name, SymbolKind kind, int line, int endLine, int depth) {}

  /** What {@code file_analysis} answers. */
  public record FileAnalysis(
      String path,
      String language,
      long bytes,
      int lines,
      boolean binary,
      Complexity complexity,
      Map<String, Integer> symbolKinds,
      List<OutlineEntry> outline,
      List<String> imports,
      List<String> externalPackages,
      List<String> dependents,
      List<String> tests,
      @Nullable FileChurn churn,
      String history,
      List<Finding> findings) {}

  private record Measured(Complexity complexity, Metrics metrics) {}

  private record GraphKey(long orgId, long branchId, String version) {}

  private final ChangeHistory history;
  private final CodeGraph graph;
  private final InsightStore store;
  private final Supplier<VectorIndex> vectorIndex;
  private @Nullable VectorIndex vectors;
  // blob content never changes: one estimate per blob, whatever branch or repository has it
  private final Map<Long, Measured> measured = new ConcurrentHashMap<>();
  private final Map<List<Long>, List<FileRow>> manifests = new ConcurrentHashMap<>();
  private final Map<GraphKey, FileNeighbours> graphs = new ConcurrentHashMap<>();

  public FileInsights(
      Database database, CodeGraph graph, ChangeHistory history, Supplier<VectorIndex> vectors) {
    this.store = new InsightStore(requireNonNull(database, "database is null"));
    this.graph = requireNonNull(graph, "graph is null");
    this.history = requireNonNull(history, "history is null");
    this.vectorIndex = requireNonNull(vectors, "vectors is null");
  }

  public ChangeHistory history() {
    return history;
  }

  /** The branch's files at its current manifest, by path. */
  public List<String> paths(Repository repository, Branch branch) {
    return files(repository, branch).stream().map(FileRow::path).toList();
  }

  /** What the indexer decided each file of the branch's current manifest is, by path. */
  private Map<String, FileClass> classes(Repository repository, Branch branch) {
    Map<String, FileClass> classes = new HashMap<>();
    files(repository, branch).forEach(file -> classes.put(file.path(), file.fileClass()));
    return classes;
  }

  /** Up to five indexed paths that look like {@code path}: same file name, or containing it. */
  public List<String> similarPaths(Repository repository, Branch branch, String path) {
    String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    for (FileRow file : files(repository, branch)) {
      String candidate = file.path().toLowerCase(Locale.ROOT);
      if (candidate.endsWith("/" + name) || candidate.equals(name)) {
        out.add(file.path());
      }
    }
    if (out.isEmpty()) {
      for (FileRow file : files(repository, branch)) {
        if (file.path().toLowerCase(Locale.ROOT).contains(name)) {
          out.add(file.path());
        }
      }
    }
    return out.subList(0, Math.min(5, out.size()));
  }

  /**
   * Why a file that is on disk in a working tree has no indexed file: binary content, or left out
   * by an ignore rule or the size limit. Empty when there is no such file on disk either.
   */
  public Optional<String> whyNotIndexed(Repository repository, String path) {
    try {
      Path root = Path.of(repository.location());
      java.nio.file.Path file =
          root.resolve(dev.atelier.repos.RepoPath.of(path).value()).normalize();
      if (!root.isAbsolute() || !file.startsWith(root) || !Files.isRegularFile(file)) {
        return Optional.empty();
      }
      byte[] head;
      try (InputStream in = Files.newInputStream(file)) {
        head = in.readNBytes(8192);
      }
      for (byte b : head) {
        if (b == 0) {
          return Optional.of("it is a binary file, which the index leaves out");
        }
      }
      return Optional.of(
          "it is not indexed (an ignore rule, a vendored folder or the size limit left it out)");
    } catch (IOException | InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code path} is a folder of the branch (some file lies under it). */
  public boolean isFolder(Repository repository, Branch branch, String path) {
    return files(repository, branch).stream().anyMatch(f -> f.path().startsWith(path + "/"));
  }

  /** One file's analysis, or empty when the branch has no such file. */
  public Optional<FileAnalysis> analyse(Repository repository, Branch branch, String path) {
    Optional<FileRow> found = file(repository, branch, path);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    FileRow file = found.get();
    long org = repository.orgId();
    History changes = history.of(repository, branch);
    FileChurn churn = changes.churn(path).orElse(null);
    FileNeighbours neighbours = neighbours(org, branch);
    List<String> dependents = List.copyOf(new TreeSet<>(neighbours.dependents(path).keySet()));
    List<String> imports =
        graph.imports(org, branch.id(), path, 1).stream()
            .map(CodeGraph.FileDependency::to)
            .toList();
    List<String> external = graph.externalPackages(org, branch.id(), path);
    if (!file.text()) {
      return Optional.of(
          new FileAnalysis(
              path,
              file.language().id(),
              file.bytes(),
              0,
              true,
              new Complexity(0, 0, 0, 0),
              Map.of(),
              List.of(),
              imports,
              external,
              dependents,
              List.of(),
              churn,
              changes.status(),
              List.of(new Finding("binary", 0, "binary or oversized file: no content analysis"))));
    }
    List<SymbolRow> symbols =
        store.symbols(org, List.of(file.blobId())).getOrDefault(file.blobId(), List.of());
    Measured measure = measure(org, List.of(file)).get(file.blobId());
    Complexity complexity = measure == null ? new Complexity(1, 0, 0, 0) : measure.complexity();
    Map<String, Integer> kinds = new LinkedHashMap<>();
    Map<SymbolKind, Integer> byKind = new EnumMap<>(SymbolKind.class);
    symbols.forEach(s -> byKind.merge(s.kind(), 1, Integer::sum));
    byKind.forEach((k, v) -> kinds.put(k.id(), v));
    List<OutlineEntry> outline = outline(symbols);
    Map<String, FileClass> classes = classes(repository, branch);
    boolean isTest = file.fileClass() == FileClass.TEST;
    List<String> tests = isTest ? List.of() : TestFiles.testsOf(path, classes, dependents);
    List<Finding> findings = new ArrayList<>();
    int lines = file.lines() >= 0 || measure == null ? file.lines() : measure.metrics().lines();
    if (measure != null) {
      findings(measure.metrics(), findings);
    }
    if (lines > 1000) {
      findings.add(new Finding("large-file", 0, lines + " lines: consider splitting"));
    }
    if (file.syntaxErrors() > 0) {
      findings.add(
          new Finding(
              "syntax-errors",
              0,
              file.syntaxErrors() + " syntax error nodes (lsp_diagnostics shows where)"));
    }
    if (file.language().parsed()
        && file.fileClass() == FileClass.SOURCE
        && complexity.functions() > 0
        && tests.isEmpty()) {
      findings.add(
          new Finding(
              "no-tests",
              0,
              "no tests found (no test file named after it, no test file importing or"
                  + " referencing it)"));
    }
    return Optional.of(
        new FileAnalysis(
            path,
            file.language().id(),
            file.bytes(),
            lines,
            false,
            complexity,
            kinds,
            outline,
            imports,
            external,
            dependents,
            tests,
            churn,
            changes.status(),
            findings));
  }

  /**
   * Source files (parsed languages) under {@code pathPrefix} ("" for all) ranked by churn ×
   * complexity × fan-in, at most {@code limit}.
   */
  public Hotspots hotspots(Repository repository, Branch branch, String pathPrefix, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
    long org = repository.orgId();
    History changes = history.of(repository, branch);
    List<FileRow> candidates = new ArrayList<>();
    for (FileRow file : files(repository, branch)) {
      if (!file.text() || !file.language().parsed() || !under(file.path(), pathPrefix)) {
        continue;
      }
      if (changes.available() && changes.churn(file.path()).isEmpty()) {
        continue;
      }
      candidates.add(file);
    }
    Map<Long, Measured> complexity = measure(org, candidates);
    FileNeighbours neighbours = neighbours(org, branch);
    List<Hotspot> ranked = new ArrayList<>(candidates.size());
    for (FileRow file : candidates) {
      Measured m = complexity.get(file.blobId());
      Complexity c = m == null ? new Complexity(1, 0, 0, 0) : m.complexity();
      int fanIn = neighbours.fanIn(file.path());
      FileChurn churn = changes.churn(file.path()).orElse(null);
      double score = (churn == null ? 1 : churn.commits()) * c.cyclomatic() * log2(2 + fanIn);
      ranked.add(new Hotspot(file.path(), Math.round(score * 10) / 10.0, churn, c, fanIn));
    }
    ranked.sort(Comparator.comparingDouble(Hotspot::score).reversed().thenComparing(Hotspot::path));
    return new Hotspots(
        changes.status(),
        changes.available(),
        candidates.size(),
        List.copyOf(ranked.subList(0, Math.min(limit, ranked.size()))));
  }

  /**
   * Files related to {@code path}, best first, at most {@code limit}; empty when the branch has no
   * such file.
   */
  public Optional<Related> related(Repository repository, Branch branch, String path, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
    Optional<FileRow> found = file(repository, branch, path);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    long org = repository.orgId();
    Map<String, FileClass> present = classes(repository, branch);
    Map<String, double[]> scores = new HashMap<>();
    Map<String, List<String>> reasons = new HashMap<>();
    History changes = history.of(repository, branch);
    for (CoChange co : changes.coChanges(path, MIN_CO_CHANGE_SUPPORT)) {
      if (!present.containsKey(co.path())) {
        continue;
      }
      double weight = co.confidence() * co.support() / (co.support() + 1.0);
      add(
          scores,
          reasons,
          co.path(),
          weight,
          "co-changed in " + co.support() + " commits (confidence " + co.confidence() + ")");
    }
    FileNeighbours neighbours = neighbours(org, branch);
    neighbours
        .dependencies(path)
        .forEach((other, edge) ->
            add(
                scores,
                reasons,
                other,
                0.5 + Math.min(0.3, edge.references() / 30.0),
                "imported or referenced by it" + uses(edge)));
    neighbours
        .dependents(path)
        .forEach((other, edge) ->
            add(
                scores,
                reasons,
                other,
                0.5 + Math.min(0.3, edge.references() / 30.0),
                "imports or references it" + uses(edge)));
    sharedNeighbours(path, neighbours, scores, reasons);
    if (present.get(path) == FileClass.TEST) {
      for (String subject : TestFiles.subjectsOf(path, present)) {
        add(scores, reasons, subject, 0.3, "the file it tests, by name");
      }
    } else {
      for (String test : TestFiles.testsOf(path, present, neighbours.dependents(path).keySet())) {
        add(scores, reasons, test, 0.3, "a test of it");
      }
    }
    String embeddings = similar(org, repository, branch, found.get(), scores, reasons);
    List<Relation> out = new ArrayList<>();
    scores.forEach((other, score) -> {
      if (!other.equals(path)) {
        out.add(
            new Relation(
                other, Math.round(score[0] * 1000) / 1000.0, List.copyOf(reasons.get(other))));
      }
    });
    out.sort(Comparator.comparingDouble(Relation::score).reversed().thenComparing(Relation::path));
    return Optional.of(
        new Related(
            path,
            changes.status(),
            embeddings,
            List.copyOf(out.subList(0, Math.min(limit, out.size())))));
  }

  private static String uses(CodeGraph.FileEdge edge) {
    List<String> parts = new ArrayList<>();
    if (edge.imports() > 0) {
      parts.add(edge.imports() + (edge.imports() == 1 ? " import" : " imports"));
    }
    if (edge.references() > 0) {
      parts.add(edge.references() + (edge.references() == 1 ? " reference" : " references"));
    }
    return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
  }

  /**
   * Files that depend on the same files as {@code path} or are depended on by the same files,
   * weighted Adamic-Adar style: a shared neighbour with few edges says more than a popular one.
   */
  private static void sharedNeighbours(
      String path,
      FileNeighbours neighbours,
      Map<String, double[]> scores,
      Map<String, List<String>> reasons) {
    Map<String, Double> weight = new HashMap<>();
    Map<String, Integer> shared = new HashMap<>();
    for (String target : neighbours.dependencies(path).keySet()) {
      Map<String, CodeGraph.FileEdge> users = neighbours.dependents(target);
      if (users.size() > 100) {
        continue; // everything uses it: says nothing about this file
      }
      for (String other : users.keySet()) {
        weight.merge(other, 1 / log2(2 + users.size()), Double::sum);
        shared.merge(other, 1, Integer::sum);
      }
    }
    for (String user : neighbours.dependents(path).keySet()) {
      Map<String, CodeGraph.FileEdge> targets = neighbours.dependencies(user);
      if (targets.size() > 100) {
        continue;
      }
      for (String other : targets.keySet()) {
        weight.merge(other, 1 / log2(2 + targets.size()), Double::sum);
        shared.merge(other, 1, Integer::sum);
      }
    }
    weight.forEach((other, w) -> {
      int count = shared.getOrDefault(other, 0);
      if (!other.equals(path) && count >= 2) {
        add(scores, reasons, other, 0.4 * w / (w + 1), "shares " + count + " graph neighbours");
      }
    });
  }

  /** Adds embedding-similar files; answers what the signal could see. */
  private String similar(
      long org,
      Repository repository,
      Branch branch,
      FileRow file,
      Map<String, double[]> scores,
      Map<String, List<String>> reasons) {
    List<float[]> mine = store.vectors(org, file.blobId());
    if (mine.isEmpty()) {
      int chunks = store.chunkCount(org, file.blobId());
      return chunks == 0
          ? "no embedding similarity: the file has no chunks to embed"
          : "no embedding similarity: the file is not embedded yet (0 of " + chunks + " chunks)";
    }
    float[] mean = new float[mine.get(0).length];
    for (float[] v : mine) {
      for (int i = 0; i < mean.length && i < v.length; i++) {
        mean[i] += v[i];
      }
    }
    double norm = 0;
    for (float x : mean) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    if (norm == 0) {
      return "no embedding similarity: the file's vectors cancel out";
    }
    for (int i = 0; i < mean.length; i++) {
      mean[i] = (float) (mean[i] / norm);
    }
    Map<Long, List<String>> pathsByBlob = new HashMap<>();
    for (FileRow row : files(repository, branch)) {
      pathsByBlob.computeIfAbsent(row.blobId(), k -> new ArrayList<>()).add(row.path());
    }
    VectorIndex index = vectorIndex();
    if (mean.length != index.dimensions()) {
      return "no embedding similarity: vectors of "
          + mean.length
          + " dimensions, index of "
          + index.dimensions();
    }
    List<VectorHit> hits = index.search(org, mean, 60, VectorFilter.blobs(pathsByBlob.keySet()));
    Map<Long, Long> blobs =
        store.blobsOfChunks(org, hits.stream().map(VectorHit::chunkId).toList());
    Map<String, Float> best = new HashMap<>();
    for (VectorHit hit : hits) {
      Long blob = blobs.get(hit.chunkId());
      if (blob == null || blob == file.blobId()) {
        continue;
      }
      for (String other : pathsByBlob.getOrDefault(blob, List.of())) {
        best.merge(other, hit.score(), Math::max);
      }
    }
    best.forEach((other, score) -> {
      if (score >= 0.6) {
        add(
            scores,
            reasons,
            other,
            0.8 * (score - 0.5) * 2,
            "embedding similarity " + Math.round(score * 100) / 100.0);
      }
    });
    return "embedding similarity over " + mine.size() + " embedded chunks of the file";
  }

  private synchronized VectorIndex vectorIndex() {
    VectorIndex index = vectors;
    if (index == null) {
      index = vectorIndex.get();
      vectors = index;
    }
    return index;
  }

  private static void add(
      Map<String, double[]> scores,
      Map<String, List<String>> reasons,
      String path,
      double weight,
      String reason) {
    scores.computeIfAbsent(path, k -> new double[1])[0] += weight;
    reasons.computeIfAbsent(path, k -> new ArrayList<>()).add(reason);
  }

  private static void findings(Metrics metrics, List<Finding> findings) {
    for (SourceMetrics.FunctionMetrics f : metrics.functions()) {
      if (f.lines() > LONG_FUNCTION_LINES) {
        findings.add(
            new Finding("long-function", f.line(), f.name() + " has " + f.lines() + " lines"));
      }
      if (f.nesting() > DEEP_NESTING) {
        findings.add(
            new Finding(
                "deep-nesting", f.line(), f.name() + " nests " + f.nesting() + " levels deep"));
      }
      if (f.cyclomatic() > COMPLEX_FUNCTION) {
        findings.add(
            new Finding(
                "complex-function",
                f.line(),
                f.name() + " has an estimated cyclomatic complexity of " + f.cyclomatic()));
      }
    }
    List<Integer> todos = metrics.todoLines();
    if (!todos.isEmpty()) {
      findings.add(
          new Finding(
              "todo",
              todos.get(0),
              todos.size()
                  + " TODO/FIXME/HACK/XXX "
                  + (todos.size() == 1 ? "marker" : "markers")
                  + " (lines "
                  + String.join(", ", todos.stream().limit(10).map(String::valueOf).toList())
                  + (todos.size() > 10 ? ", ..." : "")
                  + ")"));
    }
  }

  private static List<OutlineEntry> outline(List<SymbolRow> symbols) {
    Map<Integer, Integer> depth = new HashMap<>();
    List<OutlineEntry> out = new ArrayList<>();
    for (SymbolRow s : symbols) {
      int d = s.parent() == null ? 0 : depth.getOrDefault(s.parent(), 0) + 1;
      depth.put(s.ordinal(), d);
      out.add(new OutlineEntry(s.name(), s.kind(), s.nameLine(), s.endLine(), d));
    }
    return out;
  }

  /** Complexity of these files' blobs, measured once per blob. */
  private Map<Long, Measured> measure(long org, List<FileRow> files) {
    Map<Long, Measured> out = new HashMap<>();
    Map<Long, FileRow> missing = new HashMap<>();
    for (FileRow file : files) {
      Measured known = measured.get(blobKey(org, file.blobId()));
      if (known != null) {
        out.put(file.blobId(), known);
      } else if (file.text()) {
        missing.put(file.blobId(), file);
      }
    }
    List<Long> ids = new ArrayList<>(missing.keySet());
    for (int from = 0; from < ids.size(); from += 200) {
      List<Long> part = ids.subList(from, Math.min(ids.size(), from + 200));
      Map<Long, String> texts = store.texts(org, part);
      Map<Long, List<SymbolRow>> symbols = store.symbols(org, part);
      for (Long id : part) {
        String text = texts.get(id);
        if (text == null) {
          continue;
        }
        List<Span> functions = new ArrayList<>();
        for (SymbolRow s : symbols.getOrDefault(id, List.of())) {
          if (s.kind() == SymbolKind.FUNCTION
              || s.kind() == SymbolKind.METHOD
              || s.kind() == SymbolKind.CONSTRUCTOR) {
            functions.add(new Span(s.name(), s.startLine(), s.endLine()));
          }
        }
        Metrics m =
            SourceMetrics.measure(requireNonNull(missing.get(id)).language(), text, functions);
        int longest =
            m.functions().stream().mapToInt(SourceMetrics.FunctionMetrics::lines).max().orElse(0);
        Measured result =
            new Measured(
                new Complexity(m.cyclomatic(), m.functions().size(), m.maxNesting(), longest), m);
        if (measured.size() > 200_000) {
          measured.clear(); // a bound, not a policy: estimates are cheap to redo
        }
        measured.put(blobKey(org, id), result);
        out.put(id, result);
      }
    }
    return out;
  }

  // blob ids are global row ids, so the org adds nothing but safety; fold it in anyway
  private static long blobKey(long org, long blobId) {
    return org * 1_000_000_007L + blobId;
  }

  private FileNeighbours neighbours(long org, Branch branch) {
    GraphKey key =
        new GraphKey(org, branch.id().value(), store.graphVersion(org, branch.id().value()));
    FileNeighbours known = graphs.get(key);
    if (known != null) {
      return known;
    }
    FileNeighbours built = new FileNeighbours(graph.fileGraph(org, branch.id()));
    graphs.keySet().removeIf(k -> k.orgId() == org && k.branchId() == key.branchId());
    graphs.put(key, built);
    return built;
  }

  private List<FileRow> files(Repository repository, Branch branch) {
    ManifestId manifest = branch.manifestId();
    if (manifest == null) {
      throw new AtelierException(
          CodeIntelError.NOT_INDEXED,
          "branch " + branch.name() + " of " + repository.name() + " is not indexed yet");
    }
    if (manifests.size() > 16) {
      manifests.clear();
    }
    return manifests.computeIfAbsent(
        List.of(repository.orgId(), manifest.value()),
        key -> List.copyOf(store.files(key.get(0), key.get(1))));
  }

  private Optional<FileRow> file(Repository repository, Branch branch, String path) {
    return files(repository, branch).stream().filter(f -> f.path().equals(path)).findFirst();
  }

  private static boolean under(String path, String prefix) {
    return prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  @Override
  public synchronized void close() {
    if (vectors != null) {
      vectors.close();
    }
  }
}
