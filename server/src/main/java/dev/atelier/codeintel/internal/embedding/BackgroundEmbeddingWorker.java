package dev.atelier.codeintel.internal.embedding;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.EmbeddingListener;
import dev.atelier.codeintel.EmbeddingProgress;
import dev.atelier.codeintel.EmbeddingWorker;
import dev.atelier.codeintel.TextEmbedder;
import dev.atelier.codeintel.VectorIndex;
import dev.atelier.codeintel.WorkerOptions;
import dev.atelier.codeintel.internal.classify.FileClasses;
import dev.atelier.platform.Database;
import dev.atelier.repos.FileClass;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedding worker: one run per org at a time on a fixed pool. A run plans the org's pending
 * chunks, most useful first (see {@link ChunkPriority}: definitions and file-level chunks outside
 * tests and generated files in a branch's current manifest, then tests, then generated files, then
 * test data, then blobs of old manifests; within each, functions and methods, then types, then the
 * rest), takes them fetchSize at a time, builds each chunk's text ({@link ChunkText}), sorts them
 * by length, embeds them batchSize at a time and writes each batch in one transaction. A wake
 * during a run makes it plan again before its next round, so freshly indexed code is not queued
 * behind a whole backlog.
 */
public final class BackgroundEmbeddingWorker implements EmbeddingWorker {

  private static final Logger log = LoggerFactory.getLogger(BackgroundEmbeddingWorker.class);

  private static final String CHUNKS =
      """
      SELECT c.id, c.blob_id, c.start_byte, c.end_byte, c.symbol_ordinal, s.kind,
        CASE WHEN EXISTS (
          SELECT 1 FROM chunk_vectors v WHERE v.org_id = c.org_id AND v.chunk_id = c.id)
        THEN 1 ELSE 0 END
      FROM chunks c
      LEFT JOIN symbols s
        ON s.org_id = c.org_id AND s.blob_id = c.blob_id AND s.ordinal = c.symbol_ordinal
      WHERE c.org_id = ?
      """;

  private static final String CURRENT_PATHS =
      """
      SELECT e.blob_id, min(e.path), min(coalesce(e.file_class, 'source')) FROM manifest_entries e
      JOIN branches b ON b.org_id = e.org_id AND b.manifest_id = e.manifest_id
      WHERE e.org_id = ?
      GROUP BY e.blob_id
      """;

  private static final String SYMBOL_TEXTS =
      """
      SELECT c.id, s.qualified_name, s.signature, s.doc FROM chunks c
      JOIN symbols s ON s.org_id = c.org_id AND s.blob_id = c.blob_id AND s.ordinal = c.symbol_ordinal
      WHERE c.org_id = :org AND c.id IN (:ids)
      """;

  private final EmbeddingSql sql;
  private final TextEmbedder embedder;
  private final VectorIndex index;
  private final WorkerOptions options;
  private final EmbeddingListener listener;
  private final ExecutorService pool;
  private final Map<Long, OrgRun> runs = new ConcurrentHashMap<>();
  // True while indexing work runs: the model then waits, so a change reaches search first.
  private final BooleanSupplier yieldTo;
  private final AtomicInteger active = new AtomicInteger();
  private volatile boolean stopped;

  /**
   * What one org's run knows: whether it is scheduled, asked again, asked to plan again, its rate,
   * failed chunks, and the core chunks (what "covered" counts) of its last plan.
   */
  private static final class OrgRun {
    boolean scheduled;
    boolean again;
    volatile boolean replan;
    volatile double chunksPerSecond;
    volatile boolean planned;
    volatile long coreTotal;
    final AtomicLong coreDone = new AtomicLong();
    final Set<Long> failed = ConcurrentHashMap.newKeySet();
  }

  private record Pending(
      long chunkId,
      long blobId,
      int startByte,
      int endByte,
      boolean symbol,
      ChunkPriority priority,
      int kindRank) {}

  /** The pending chunks in the order to embed them, and each blob's path in a current manifest. */
  private record Plan(List<Pending> pending, Map<Long, String> currentPaths) {}

  /** What a chunk's symbol adds to its text. */
  private record SymbolText(
      @Nullable String qualifiedName, @Nullable String signature, @Nullable String doc) {
    static final SymbolText NONE = new SymbolText(null, null, null);
  }

  public BackgroundEmbeddingWorker(
      Database database,
      TextEmbedder embedder,
      VectorIndex index,
      WorkerOptions options,
      EmbeddingListener listener,
      BooleanSupplier yieldTo) {
    this.yieldTo = requireNonNull(yieldTo, "yieldTo is null");
    this.sql = new EmbeddingSql(database);
    this.embedder = requireNonNull(embedder, "embedder is null");
    this.index = requireNonNull(index, "index is null");
    this.options = requireNonNull(options, "options is null");
    this.listener = requireNonNull(listener, "listener is null");
    AtomicInteger threadNumber = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            options.threads(),
            task -> {
              Thread thread = new Thread(task, "atelier-embed-" + threadNumber.incrementAndGet());
              thread.setDaemon(true);
              thread.setPriority(Thread.NORM_PRIORITY - 1);
              return thread;
            });
  }

  @Override
  public void wake(long orgId) {
    if (stopped) {
      return;
    }
    OrgRun run = runs.computeIfAbsent(orgId, id -> new OrgRun());
    synchronized (run) {
      if (run.scheduled) {
        run.again = true;
        run.replan = true;
        return;
      }
      run.scheduled = true;
    }
    active.incrementAndGet();
    pool.execute(() -> runOrg(orgId, run));
  }

  private void runOrg(long orgId, OrgRun run) {
    boolean again = false;
    try {
      embedPending(orgId, run);
    } catch (RuntimeException e) {
      log.warn("embedding org {} stopped on an error: {}", orgId, e.toString(), e);
    } finally {
      synchronized (run) {
        run.scheduled = false;
        again = run.again && !stopped;
        run.again = false;
      }
      active.decrementAndGet();
      synchronized (active) {
        active.notifyAll();
      }
    }
    if (again) {
      wake(orgId);
    }
  }

  private void embedPending(long orgId, OrgRun run) {
    long started = System.nanoTime();
    long embedded = 0;
    while (!stopped) {
      run.replan = false;
      Plan plan = plan(orgId, run);
      if (plan.pending().isEmpty()) {
        return;
      }
      List<Pending> pending = plan.pending();
      for (int round = 0; round < pending.size() && !stopped && !run.replan; ) {
        List<Pending> fetched =
            pending.subList(round, Math.min(pending.size(), round + options.fetchSize()));
        round += fetched.size();
        Map<Long, String> texts = texts(orgId, fetched, plan.currentPaths());
        // Similar lengths together: the embedder pads each batch to its longest text.
        List<Pending> byLength = new ArrayList<>(fetched);
        byLength.sort(Comparator.comparingInt(p -> texts.getOrDefault(p.chunkId(), "").length()));
        for (int from = 0; from < byLength.size() && !stopped; from += options.batchSize()) {
          List<Pending> batch =
              byLength.subList(from, Math.min(byLength.size(), from + options.batchSize()));
          long waited = waitWhileIndexing();
          started += waited;
          embedded += embedBatch(orgId, run, batch, texts);
          double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
          run.chunksPerSecond = embedded / seconds;
          listener.onProgress(orgId, progress(orgId));
        }
      }
    }
  }

  /** Reads every chunk of the org once and orders the pending ones; records the core counts. */
  private Plan plan(long orgId, OrgRun run) {
    Map<Long, String> currentPaths = new HashMap<>();
    // A content at several current paths takes the first class by name: source before test.
    Map<Long, FileClass> currentClasses = new HashMap<>();
    sql.jdbc()
        .sql(CURRENT_PATHS)
        .param(orgId)
        .query(row -> {
          currentPaths.put(row.getLong(1), row.getString(2));
          currentClasses.put(row.getLong(1), FileClasses.read(row.getString(3)));
        });
    List<Pending> pending = new ArrayList<>();
    long[] core = new long[2];
    sql.jdbc()
        .sql(CHUNKS)
        .param(orgId)
        .query(row -> {
          long blobId = row.getLong(2);
          boolean symbol = row.getObject(5) != null;
          String kind = row.getString(6);
          ChunkPriority priority = ChunkPriority.of(currentClasses.get(blobId), !symbol);
          boolean done = row.getInt(7) == 1;
          if (priority.core()) {
            core[0]++;
            core[1] += done ? 1 : 0;
          }
          long chunkId = row.getLong(1);
          if (!done && !run.failed.contains(chunkId)) {
            pending.add(
                new Pending(
                    chunkId,
                    blobId,
                    row.getInt(3),
                    row.getInt(4),
                    symbol,
                    priority,
                    kindRank(kind)));
          }
        });
    pending.sort(
        Comparator.comparing(Pending::priority)
            .thenComparingInt(Pending::kindRank)
            .thenComparingLong(Pending::chunkId));
    run.coreTotal = core[0];
    run.coreDone.set(core[1]);
    run.planned = true;
    return new Plan(pending, currentPaths);
  }

  private static int kindRank(@Nullable String kind) {
    if (kind == null) {
      return 2;
    }
    return switch (kind) {
      case "function", "method", "constructor" -> 0;
      case "class", "interface", "enum", "record", "struct", "trait" -> 1;
      default -> 3;
    };
  }

  /** Waits while indexing work runs; returns the nanoseconds waited. */
  private long waitWhileIndexing() {
    long from = System.nanoTime();
    while (!stopped && yieldTo.getAsBoolean()) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return System.nanoTime() - from;
  }

  /** Embeds and writes one batch (one transaction); on failure retries chunk by chunk. */
  private int embedBatch(long orgId, OrgRun run, List<Pending> batch, Map<Long, String> texts) {
    List<String> inputs = batch.stream().map(p -> texts.getOrDefault(p.chunkId(), "")).toList();
    try {
      List<float[]> vectors = embedder.embed(inputs);
      Map<Long, float[]> rows = new LinkedHashMap<>();
      for (int i = 0; i < batch.size(); i++) {
        rows.put(batch.get(i).chunkId(), vectors.get(i));
      }
      index.upsert(orgId, rows, embedder.modelId());
      run.coreDone.addAndGet(batch.stream().filter(p -> p.priority().core()).count());
      return batch.size();
    } catch (RuntimeException e) {
      if (batch.size() == 1) {
        log.warn(
            "cannot embed chunk {} of org {}: {}", batch.get(0).chunkId(), orgId, e.toString());
        run.failed.add(batch.get(0).chunkId());
        return 0;
      }
      int done = 0;
      for (Pending one : batch) {
        done += embedBatch(orgId, run, List.of(one), texts);
      }
      return done;
    }
  }

  /** Each chunk's text ({@link ChunkText}): header, signature, doc, then the chunk's bytes. */
  private Map<Long, String> texts(
      long orgId, List<Pending> pending, Map<Long, String> currentPaths) {
    Map<Long, byte[]> contents = new HashMap<>();
    Map<Long, String> paths = new HashMap<>();
    for (Pending p : pending) {
      long blobId = p.blobId();
      if (contents.containsKey(blobId)) {
        continue;
      }
      byte[] content =
          sql.jdbc()
              .sql("SELECT content FROM blobs WHERE org_id = ? AND id = ?")
              .params(orgId, blobId)
              .query((row, n) -> row.getBytes(1))
              .optional()
              .orElse(null);
      contents.put(blobId, content == null ? new byte[0] : content);
      String path = currentPaths.get(blobId);
      if (path == null) {
        path = path(orgId, blobId).orElse(null);
      }
      if (path != null) {
        paths.put(blobId, path);
      }
    }
    Map<Long, SymbolText> symbols = new HashMap<>();
    List<Long> withSymbol = pending.stream().filter(Pending::symbol).map(Pending::chunkId).toList();
    if (!withSymbol.isEmpty()) {
      sql.jdbc()
          .sql(SYMBOL_TEXTS)
          .param("org", orgId)
          .param("ids", withSymbol)
          .query(row -> {
            symbols.put(
                row.getLong(1),
                new SymbolText(row.getString(2), row.getString(3), row.getString(4)));
          });
    }
    Map<Long, String> texts = new HashMap<>();
    for (Pending p : pending) {
      byte[] content = contents.getOrDefault(p.blobId(), new byte[0]);
      int start = Math.max(0, Math.min(p.startByte(), content.length));
      int end = Math.max(start, Math.min(p.endByte(), content.length));
      String body = new String(content, start, end - start, StandardCharsets.UTF_8);
      SymbolText symbol = symbols.getOrDefault(p.chunkId(), SymbolText.NONE);
      texts.put(
          p.chunkId(),
          ChunkText.of(
              paths.get(p.blobId()),
              symbol.qualifiedName(),
              symbol.signature(),
              symbol.doc(),
              body));
    }
    return texts;
  }

  /** A path the blob has in some manifest (a branch's current one if any), for the header. */
  private Optional<String> path(long orgId, long blobId) {
    return sql.jdbc()
        .sql(
            """
            SELECT e.path FROM manifest_entries e
            LEFT JOIN branches b ON b.org_id = e.org_id AND b.manifest_id = e.manifest_id
            WHERE e.org_id = ? AND e.blob_id = ?
            ORDER BY CASE WHEN b.id IS NULL THEN 1 ELSE 0 END, e.manifest_id DESC
            LIMIT 1
            """)
        .params(orgId, blobId)
        .query(String.class)
        .optional();
  }

  @Override
  public EmbeddingProgress progress(long orgId) {
    long total =
        sql.jdbc()
            .sql("SELECT count(*) FROM chunks WHERE org_id = ?")
            .param(orgId)
            .query(Long.class)
            .single();
    OrgRun run = runs.computeIfAbsent(orgId, id -> new OrgRun());
    if (!run.planned) {
      // Core counts come from a plan; without a run yet, make one just to count.
      plan(orgId, run);
    }
    return new EmbeddingProgress(
        total, index.count(orgId), run.chunksPerSecond, run.coreTotal, run.coreDone.get());
  }

  @Override
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (active) {
      while (active.get() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(active, left);
      }
    }
    return true;
  }

  @Override
  public void stop(Duration timeout) throws InterruptedException {
    stopped = true;
    pool.shutdown();
    pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    try {
      stop(Duration.ofSeconds(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
