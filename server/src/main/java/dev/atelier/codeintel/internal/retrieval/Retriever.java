package dev.atelier.codeintel.internal.retrieval;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.SemanticSearch;
import dev.atelier.codeintel.TextEmbedder;
import dev.atelier.codeintel.VectorFilter;
import dev.atelier.codeintel.VectorHit;
import dev.atelier.codeintel.VectorIndex;
import dev.atelier.codeintel.internal.cache.CacheFolder;
import dev.atelier.codeintel.internal.cache.CorruptCacheFile;
import dev.atelier.codeintel.internal.cache.ManifestKeys;
import dev.atelier.platform.Sql;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the hybrid search: BM25F, symbol names and (when the branch has embedded chunks) vectors,
 * fused by reciprocal rank (weights in {@link RankingSettings}; symbol names count 0.5 without
 * vectors, 0.25 with them), then general priors (tests and non-code files below code), then anchors
 * and snippets for the best files. Each manifest's {@link FileIndex} is built once and kept for the
 * few most recent manifests.
 */
public final class Retriever {

  private static final Logger log = LoggerFactory.getLogger(Retriever.class);

  private static final int CACHED_MANIFESTS = 2;
  // Files of other branches' and older manifests stay until this many are on disk.
  private static final int CACHED_FILES = 6;
  private static final int CANDIDATES = 100;
  // General priors: a question about behaviour is answered by code more often than by its tests,
  // fixtures or prose (translations, templates, docs).
  private static final double TEST_PRIOR = 0.5;
  private static final double NON_CODE_PRIOR = 0.6;
  private static final int SNIPPET_CHARS = 160;

  private final Sql sql;
  private final FileIndexLoader loader;
  private final Contents contents;
  private final Supplier<TextEmbedder> embedder;
  private final VectorIndex vectors;
  private final CacheFolder files;
  private final Map<Long, FutureTask<FileIndex>> indexes = new ConcurrentHashMap<>();
  private final List<Long> recent = Collections.synchronizedList(new ArrayList<>());
  private final Map<Long, long[]> embedded = new ConcurrentHashMap<>();
  private final RankingSettings settings;

  /** A retriever whose indexes are also kept in {@code files} for the next process. */
  public Retriever(
      Sql sql, Supplier<TextEmbedder> embedder, VectorIndex vectors, CacheFolder files) {
    this.sql = requireNonNull(sql, "sql is null");
    this.files = requireNonNull(files, "files is null");
    // Variants are measured by the retrieval bench (-Datelier.retrieval=k=10,vectors=1.5,...).
    this.settings = RankingSettings.parse(System.getProperty("atelier.retrieval", ""));
    this.loader = new FileIndexLoader(sql, settings);
    this.contents = new Contents(sql);
    this.embedder = requireNonNull(embedder, "embedder is null");
    this.vectors = requireNonNull(vectors, "vectors is null");
  }

  /** The fused ranking of a query, before anchors: what search and context assembly share. */
  public record Ranking(
      FileIndex index,
      List<String> terms,
      List<Integer> files,
      Map<Integer, Double> scores,
      Map<Integer, List<String>> matchedBy,
      Map<Integer, List<ChunkSpan>> spans,
      SemanticSearch.Coverage coverage) {

    double score(int file) {
      return scores.getOrDefault(file, 0.0);
    }

    List<String> sources(int file) {
      return matchedBy.getOrDefault(file, List.of());
    }
  }

  public SemanticSearch.Result search(long orgId, long manifestId, SemanticSearch.Query query) {
    Ranking ranking = rank(orgId, manifestId, query.text(), query.limit(), query.useVectors());
    List<Integer> files = ranking.files();
    Map<Long, String[]> lines =
        contents.lines(orgId, files.stream().map(f -> ranking.index().blobIds[f]).toList());
    List<SemanticSearch.FileHit> hits = new ArrayList<>(files.size());
    for (int file : files) {
      String[] text = lines.getOrDefault(ranking.index().blobIds[file], new String[0]);
      hits.add(
          new SemanticSearch.FileHit(
              ranking.index().path(file),
              ranking.score(file),
              ranking.sources(file),
              Anchors.of(ranking, file, text, 3, 2)));
    }
    return new SemanticSearch.Result(hits, ranking.coverage(), ranking.terms());
  }

  public Ranking rank(long orgId, long manifestId, String text, int limit, boolean useVectors) {
    try {
      return rank(index(orgId, manifestId), orgId, text, limit, useVectors);
    } catch (CorruptCacheFile e) {
      // A mapped file damaged after it was opened: forget it and answer from the database.
      log.warn(
          "search index file of manifest {} is damaged ({}); rebuilding",
          manifestId,
          e.getMessage());
      files.evict(fileName(orgId, manifestId));
      indexes.remove(manifestId);
      return rank(index(orgId, manifestId), orgId, text, limit, useVectors);
    }
  }

  private Ranking rank(FileIndex index, long orgId, String text, int limit, boolean useVectors) {
    List<String> terms = FileIndex.queryTerms(text);
    Map<Integer, List<String>> matchedBy = new HashMap<>();
    List<RankFusion.Ranking> lists = new ArrayList<>();

    List<Integer> bm25 =
        LexicalRanker.bm25(index, terms, CANDIDATES, settings.k1()).stream()
            .map(LexicalRanker.Scored::id)
            .toList();
    lists.add(new RankFusion.Ranking(bm25, settings.bm25Weight()));
    bm25.forEach(f -> matchedBy.computeIfAbsent(f, k -> new ArrayList<>()).add("bm25"));

    List<Integer> bySymbol =
        settings.lexicalOnly()
            ? List.of()
            : LexicalRanker.filesOf(
                index, LexicalRanker.symbols(index, terms, 4 * CANDIDATES), CANDIDATES);
    bySymbol.forEach(f -> matchedBy.computeIfAbsent(f, k -> new ArrayList<>()).add("symbols"));

    long done = embeddedChunks(orgId, index);
    Map<Integer, List<ChunkSpan>> spans = new HashMap<>();
    boolean vectorsUsed = false;
    if (useVectors && done > 0 && !settings.lexicalOnly()) {
      try {
        List<Integer> byVector = vectorFiles(orgId, index, text, spans);
        lists.add(new RankFusion.Ranking(byVector, settings.vectorWeight()));
        byVector.forEach(f -> matchedBy.computeIfAbsent(f, k -> new ArrayList<>()).add("vectors"));
        vectorsUsed = true;
      } catch (RuntimeException e) {
        // The model or the vector store failing costs the semantic part, not the answer.
        log.warn("vector search failed; answering from text and symbols", e);
        spans.clear();
      }
    }

    // With vectors carrying the meaning of a described behaviour, name matches count less.
    lists.add(
        new RankFusion.Ranking(
            bySymbol, vectorsUsed ? settings.symbolWeightWithVectors() : settings.symbolWeight()));
    Map<Integer, Double> fused = RankFusion.fuse(lists, settings.rrfK());
    boolean aboutTests = terms.stream().anyMatch(t -> t.startsWith("test"));
    fused.replaceAll((file, score) ->
        score
            * (index.tests[file] && !aboutTests ? TEST_PRIOR : 1.0)
            * (index.code[file] ? 1.0 : NON_CODE_PRIOR));
    if (settings.hub() > 0) {
      // A file defining far more than most answers many queries a little; a focused one, its own.
      int median = index.medianSymbols();
      fused.replaceAll((file, score) -> score * hubPrior(index, file, settings.hub(), median));
    }
    List<Integer> files =
        fused.entrySet().stream()
            .sorted(
                Map.Entry.<Integer, Double>comparingByValue()
                    .reversed()
                    .thenComparing(e -> index.path(e.getKey())))
            .limit(limit)
            .map(Map.Entry::getKey)
            .toList();
    return new Ranking(
        index,
        terms,
        files,
        fused,
        matchedBy,
        spans,
        new SemanticSearch.Coverage(done, index.totalChunks(), vectorsUsed));
  }

  /**
   * Below 1 for files defining many more symbols than the median file: {@code 1 / (1 + hub × ln(1 +
   * symbols / median))}.
   */
  static double hubPrior(FileIndex index, int file, double hub, int median) {
    return 1 / (1 + hub * Math.log1p((double) index.symbolsOf(file) / median));
  }

  /** The lines of some blobs, for snippets. */
  Map<Long, String[]> lines(long orgId, List<Long> blobIds) {
    return contents.lines(orgId, blobIds);
  }

  /** Files by their closest embedded chunk, best first; fills {@code spans} per file. */
  private List<Integer> vectorFiles(
      long orgId, FileIndex index, String text, Map<Integer, List<ChunkSpan>> spans) {
    float[] query = embedder.get().embedQuery(text);
    List<VectorHit> hits =
        vectors.search(orgId, query, settings.vectorChunks(), VectorFilter.blobs(index.blobSet()));
    Map<Long, int[]> lines = chunkLines(orgId, hits);
    LinkedHashSet<Integer> order = new LinkedHashSet<>();
    for (VectorHit hit : hits) {
      int[] chunk = lines.get(hit.chunkId());
      if (chunk == null) {
        continue;
      }
      for (int file : index.filesOfBlob(chunk[0])) {
        order.add(file);
        spans
            .computeIfAbsent(file, k -> new ArrayList<>())
            .add(new ChunkSpan(file, chunk[1], chunk[2], hit.score()));
      }
    }
    if (settings.aggregation() == RankingSettings.VectorAggregation.MAX_PLUS_SUM) {
      return VectorAggregate.byMaxPlusSum(spans, settings.sumShare());
    }
    return List.copyOf(order);
  }

  /** blob id, start line, end line of each hit's chunk. */
  private Map<Long, int[]> chunkLines(long orgId, List<VectorHit> hits) {
    Map<Long, int[]> out = new HashMap<>();
    if (hits.isEmpty()) {
      return out;
    }
    List<Object> params = new ArrayList<>();
    params.add(orgId);
    hits.forEach(h -> params.add(h.chunkId()));
    sql.jdbc()
        .sql(
            "SELECT id, blob_id, start_line, end_line FROM chunks WHERE org_id = ? AND id IN ("
                + String.join(",", Collections.nCopies(hits.size(), "?"))
                + ")")
        .params(params)
        .query(row -> {
          out.put(row.getLong(1), new int[] {(int) row.getLong(2), row.getInt(3), row.getInt(4)});
        });
    return out;
  }

  /**
   * The manifest's embedded chunks, recounted only when the org's vector count moved (the worker
   * writes vectors as it goes; a count per query is cheap, the join is not).
   */
  private long embeddedChunks(long orgId, FileIndex index) {
    long orgCount = vectors.count(orgId);
    if (orgCount == 0) {
      return 0;
    }
    long[] cached = embedded.get(index.manifestId());
    if (cached != null && cached[0] == orgCount) {
      return cached[1];
    }
    long count = loader.embeddedChunks(orgId, index.manifestId());
    embedded.put(index.manifestId(), new long[] {orgCount, count});
    return count;
  }

  public boolean isBuilt(long manifestId) {
    FutureTask<FileIndex> task = indexes.get(manifestId);
    return task != null && task.isDone();
  }

  /** The manifest's index, built on first use; concurrent first uses share one build. */
  public FileIndex index(long orgId, long manifestId) {
    FutureTask<FileIndex> task =
        new FutureTask<>(() -> {
          FileIndex index =
              files.readOrBuild(
                  fileName(orgId, manifestId),
                  "retrieval " + ManifestKeys.of(sql, orgId, manifestId) + settings.indexKey(),
                  FileIndexFile::read,
                  () -> loader.load(orgId, manifestId),
                  FileIndexFile::write);
          files.prune("retrieval-" + orgId + "-", CACHED_FILES);
          return index;
        });
    FutureTask<FileIndex> existing = indexes.putIfAbsent(manifestId, task);
    if (existing == null) {
      task.run();
      remember(manifestId);
      existing = task;
    }
    try {
      return existing.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading the search index", e);
    } catch (ExecutionException e) {
      indexes.remove(manifestId, existing);
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static String fileName(long orgId, long manifestId) {
    return "retrieval-" + orgId + "-" + manifestId;
  }

  private void remember(long manifestId) {
    synchronized (recent) {
      recent.remove(manifestId);
      recent.add(manifestId);
      while (recent.size() > CACHED_MANIFESTS) {
        long eldest = recent.removeFirst();
        indexes.remove(eldest);
        embedded.remove(eldest);
      }
    }
  }

  static String shorten(String line) {
    String s = line.strip();
    return s.length() <= SNIPPET_CHARS ? s : s.substring(0, SNIPPET_CHARS - 3) + "...";
  }
}
