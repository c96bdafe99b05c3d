package dev.atelier.codeintel.internal.retrieval;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.CodeGraph;
import dev.atelier.codeintel.CodeIntelError;
import dev.atelier.codeintel.RelevantContext;
import dev.atelier.codeintel.SemanticSearch;
import dev.atelier.platform.AtelierException;
import dev.atelier.repos.BranchId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles {@link RelevantContext}: search hits and seed files, their import neighbours and the
 * callers and callees of their best symbols, scored (a neighbour inherits part of its source's
 * score; several sources combine as a noisy-or), then snippets in rank order until the budget is
 * spent.
 */
public final class ContextAssembler {

  private static final int SEARCH_HITS = 15;
  private static final int EXPANDED_SOURCES = 5;
  private static final int NEIGHBOURS_PER_EDGE = 6;
  private static final double IMPORT_SHARE = 0.5;
  private static final double IMPORTER_SHARE = 0.35;
  private static final double CALL_SHARE = 0.45;
  private static final int MAX_FILES = 40;
  private static final int SNIPPET_LINES_TOP = 14;
  private static final int SNIPPET_LINES_REST = 6;
  private static final int LINE_CHARS = 200;

  private final Retriever retriever;
  private final CodeGraph graph;

  public ContextAssembler(Retriever retriever, CodeGraph graph) {
    this.retriever = requireNonNull(retriever, "retriever is null");
    this.graph = requireNonNull(graph, "graph is null");
  }

  public RelevantContext.Context assemble(
      long orgId, BranchId branch, long manifestId, RelevantContext.Request request) {
    Retriever.Ranking ranking =
        retriever.rank(orgId, manifestId, request.task(), SEARCH_HITS, request.useVectors());
    FileIndex index = ranking.index();
    Map<Integer, Candidate> candidates = new LinkedHashMap<>();
    List<Integer> sources = new ArrayList<>();
    for (String seed : request.seedFiles()) {
      int file = index.file(seed);
      if (file < 0) {
        throw new AtelierException(
            CodeIntelError.INVALID_QUERY, "seed file " + seed + " is not in the branch's index");
      }
      add(candidates, file, 1.0, "seed");
      sources.add(file);
    }
    double best = ranking.files().stream().mapToDouble(f -> ranking.score(f)).max().orElse(1);
    for (int file : ranking.files()) {
      add(candidates, file, 0.9 * ranking.score(file) / best, "search");
      if (sources.size() < request.seedFiles().size() + EXPANDED_SOURCES
          && !sources.contains(file)) {
        sources.add(file);
      }
    }
    for (int source : sources) {
      expand(orgId, branch, ranking, candidates, source);
    }
    List<Candidate> ranked =
        candidates.values().stream()
            .sorted((a, b) ->
                a.score != b.score
                    ? Double.compare(b.score, a.score)
                    : index.path(a.file).compareTo(index.path(b.file)))
            .limit(MAX_FILES)
            .toList();
    return fit(orgId, ranking, ranked, request.maxTokens(), candidates.size());
  }

  private void expand(
      long orgId,
      BranchId branch,
      Retriever.Ranking ranking,
      Map<Integer, Candidate> candidates,
      int source) {
    FileIndex index = ranking.index();
    String path = index.path(source);
    double score = requireNonNull(candidates.get(source)).score;
    List<CodeGraph.FileDependency> imports = graph.imports(orgId, branch, path, 1);
    for (CodeGraph.FileDependency d :
        imports.subList(0, Math.min(NEIGHBOURS_PER_EDGE, imports.size()))) {
      add(candidates, index.file(d.to()), IMPORT_SHARE * score, "imported by " + path);
    }
    List<CodeGraph.FileDependency> importers = graph.importers(orgId, branch, path, 1);
    // Many importers: prefer those the search also found.
    List<CodeGraph.FileDependency> sorted = new ArrayList<>(importers);
    sorted.sort((a, b) ->
        Boolean.compare(
            candidates.containsKey(index.file(b.from())),
            candidates.containsKey(index.file(a.from()))));
    for (CodeGraph.FileDependency d :
        sorted.subList(0, Math.min(NEIGHBOURS_PER_EDGE, sorted.size()))) {
      add(candidates, index.file(d.from()), IMPORTER_SHARE * score, "imports " + path);
    }
    List<SemanticSearch.Anchor> anchors = Anchors.of(ranking, source, new String[0], 2, 0);
    for (SemanticSearch.Anchor anchor : anchors) {
      if (anchor.symbol() == null) {
        continue;
      }
      int symbol = Anchors.symbolAt(index, source, anchor.line());
      if (symbol < 0) {
        continue;
      }
      CodeGraph.SymbolAt at = new CodeGraph.SymbolAt(path, index.symbolOrdinals[symbol]);
      String name = anchor.symbol();
      int taken = 0;
      for (CodeGraph.CallEdge edge : graph.callers(orgId, branch, at, 1)) {
        if (taken++ >= NEIGHBOURS_PER_EDGE) {
          break;
        }
        add(candidates, index.file(edge.caller().path()), CALL_SHARE * score, "calls " + name);
      }
      taken = 0;
      for (CodeGraph.CallEdge edge : graph.callees(orgId, branch, at, 1)) {
        if (taken++ >= NEIGHBOURS_PER_EDGE) {
          break;
        }
        add(candidates, index.file(edge.callee().path()), CALL_SHARE * score, "called by " + name);
      }
    }
  }

  private static void add(
      Map<Integer, Candidate> candidates, int file, double score, String reason) {
    if (file < 0) {
      return;
    }
    Candidate known = candidates.get(file);
    if (known == null) {
      candidates.put(file, new Candidate(file, score, reason));
    } else {
      double combined = 1 - (1 - Math.min(known.score, 0.999)) * (1 - Math.min(score, 0.999));
      String why = score > known.best ? reason : known.reason;
      Candidate merged = new Candidate(file, combined, why);
      merged.best = Math.max(known.best, score);
      candidates.put(file, merged);
    }
  }

  /** Files in rank order, each with snippets while the budget lasts, then paths alone. */
  private RelevantContext.Context fit(
      long orgId, Retriever.Ranking ranking, List<Candidate> ranked, int maxTokens, int relevant) {
    FileIndex index = ranking.index();
    Map<Long, String[]> lines =
        retriever.lines(orgId, ranked.stream().map(c -> index.blobId(c.file)).distinct().toList());
    int budget = maxTokens * 4;
    int used = 0;
    List<RelevantContext.ContextFile> files = new ArrayList<>();
    int position = 0;
    for (Candidate candidate : ranked) {
      String path = index.path(candidate.file);
      int header = path.length() + candidate.reason.length() + 8;
      if (used + header > budget) {
        break;
      }
      used += header;
      String[] text = lines.getOrDefault(index.blobId(candidate.file), new String[0]);
      int perSnippet = position < 3 ? SNIPPET_LINES_TOP : SNIPPET_LINES_REST;
      List<RelevantContext.Snippet> snippets = new ArrayList<>();
      for (SemanticSearch.Anchor anchor : Anchors.of(ranking, candidate.file, text, 2, 1)) {
        int from = anchor.reason().equals("text") ? Math.max(1, anchor.line() - 2) : anchor.line();
        int to =
            Math.min(
                text.length, Math.min(Math.max(anchor.endLine(), from + 3), from + perSnippet - 1));
        StringBuilder body = new StringBuilder();
        int shownTo = from - 1;
        int header2 = 24 + (anchor.symbol() == null ? 0 : anchor.symbol().length());
        for (int l = from; l <= to; l++) {
          String line = text[l - 1].stripTrailing();
          if (line.length() > LINE_CHARS) {
            line = line.substring(0, LINE_CHARS - 3) + "...";
          }
          if (used + header2 + body.length() + line.length() + 5 > budget) {
            break;
          }
          body.append(line).append('\n');
          shownTo = l;
        }
        if (shownTo < from) {
          break;
        }
        used += header2 + body.length() + 4 * (shownTo - from + 1);
        snippets.add(
            new RelevantContext.Snippet(
                from, shownTo, anchor.symbol(), anchor.kind(), body.toString().stripTrailing()));
      }
      files.add(
          new RelevantContext.ContextFile(
              path, round(candidate.score), candidate.reason, snippets));
      position++;
    }
    return new RelevantContext.Context(
        files, relevant - files.size(), (used + 3) / 4, ranking.coverage());
  }

  private static double round(double score) {
    return Math.round(score * 1000) / 1000.0;
  }

  private static final class Candidate {
    final int file;
    final double score;
    final String reason;
    double best;

    Candidate(int file, double score, String reason) {
      this.file = file;
      this.score = score;
      this.reason = reason;
      this.best = score;
    }
  }
}
