package dev.atelier.codeintel.internal.embedding;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.EmbeddingListener;
import dev.atelier.codeintel.EmbeddingProgress;
import dev.atelier.codeintel.EmbeddingWorker;
import dev.atelier.codeintel.TextEmbedder;
import dev.atelier.codeintel.VectorIndex;
import dev.atelier.codeintel.WorkerOptions;
import dev.atelier.platform.Database;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedding worker: one run per org at a time on a fixed pool. A run reads up to fetchSize
 * pending chunks, most useful first (blobs in a branch's current manifest, then functions and
 * methods, then types, then file-level chunks, then the rest), builds each chunk's text (a header
 * with the file path and the symbol's qualified name, then the chunk's bytes), sorts them by
 * length, embeds them batchSize at a time and writes each batch in one transaction.
 */
public final class BackgroundEmbeddingWorker implements EmbeddingWorker {

  private static final Logger log = LoggerFactory.getLogger(BackgroundEmbeddingWorker.class);

  private static final String PENDING =
      """
      SELECT c.id, c.blob_id, c.start_byte, c.end_byte, s.qualified_name
      FROM chunks c
      LEFT JOIN symbols s
        ON s.org_id = c.org_id AND s.blob_id = c.blob_id AND s.ordinal = c.symbol_ordinal
      WHERE c.org_id = ?
        AND NOT EXISTS (SELECT 1 FROM chunk_vectors v WHERE v.org_id = c.org_id AND v.chunk_id = c.id)
      ORDER BY
        CASE WHEN EXISTS (
          SELECT 1 FROM manifest_entries e
          JOIN branches b ON b.org_id = e.org_id AND b.manifest_id = e.manifest_id
          WHERE e.org_id = c.org_id AND e.blob_id = c.blob_id) THEN 0 ELSE 1 END,
        CASE
          WHEN s.kind IN ('function', 'method', 'constructor') THEN 0
          WHEN s.kind IN ('class', 'interface', 'enum', 'record', 'struct', 'trait') THEN 1
          WHEN s.kind IS NULL THEN 2
          ELSE 3
        END,
        c.id
      LIMIT ?
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

  /** What one org's run knows: whether it is scheduled, asked again, its rate, failed chunks. */
  private static final class OrgRun {
    boolean scheduled;
    boolean again;
    volatile double chunksPerSecond;
    final Set<Long> failed = ConcurrentHashMap.newKeySet();
  }

  private record Pending(
      long chunkId, long blobId, int startByte, int endByte, @Nullable String name) {}

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
      List<Pending> pending = fetchPending(orgId, run.failed);
      if (pending.isEmpty()) {
        return;
      }
      Map<Long, String> texts = texts(orgId, pending);
      // Similar lengths together: the embedder pads each batch to its longest text.
      List<Pending> byLength = new ArrayList<>(pending);
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

  private List<Pending> fetchPending(long orgId, Set<Long> failed) {
    List<Pending> rows =
        sql.jdbc()
            .sql(PENDING)
            .params(orgId, options.fetchSize() + failed.size())
            .query((row, n) ->
                new Pending(
                    row.getLong(1), row.getLong(2), row.getInt(3), row.getInt(4), row.getString(5)))
            .list();
    return rows.stream()
        .filter(p -> !failed.contains(p.chunkId()))
        .limit(options.fetchSize())
        .toList();
  }

  /** Each chunk's text: "path qualified.name" then the chunk's bytes of its blob. */
  private Map<Long, String> texts(long orgId, List<Pending> pending) {
    Set<Long> blobIds = new HashSet<>();
    pending.forEach(p -> blobIds.add(p.blobId()));
    Map<Long, byte[]> contents = new HashMap<>();
    Map<Long, String> paths = new HashMap<>();
    for (long blobId : blobIds) {
      sql.jdbc()
          .sql("SELECT content FROM blobs WHERE org_id = ? AND id = ?")
          .params(orgId, blobId)
          .query(row -> {
            byte[] content = row.getBytes(1);
            if (content != null) {
              contents.put(blobId, content);
            }
          });
      path(orgId, blobId).ifPresent(path -> paths.put(blobId, path));
    }
    Map<Long, String> texts = new HashMap<>();
    for (Pending p : pending) {
      byte[] content = contents.getOrDefault(p.blobId(), new byte[0]);
      int start = Math.max(0, Math.min(p.startByte(), content.length));
      int end = Math.max(start, Math.min(p.endByte(), content.length));
      String body = new String(content, start, end - start, StandardCharsets.UTF_8);
      StringBuilder header = new StringBuilder();
      String path = paths.get(p.blobId());
      if (path != null) {
        header.append(path);
      }
      if (p.name() != null && !p.name().isEmpty()) {
        header.append(header.isEmpty() ? "" : " ").append(p.name());
      }
      texts.put(p.chunkId(), header.isEmpty() ? body : header + "\n" + body);
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
    OrgRun run = runs.get(orgId);
    return new EmbeddingProgress(total, index.count(orgId), run == null ? 0 : run.chunksPerSecond);
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
