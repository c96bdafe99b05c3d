package dev.atelier.codeintel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.platform.Database;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedding worker over chunks rows in a real database; subclasses give the vendor. */
abstract class EmbeddingWorkerContract {

  private static TextEmbedder embedder;

  Database database;
  CodeIndexRows rows;
  VectorIndex index;
  long org;

  abstract Database openDatabase();

  @BeforeAll
  static void loadModel() {
    embedder = Embeddings.onnxEmbedder(EmbedderOptions.defaults().withMaxTokens(128));
  }

  @AfterAll
  static void closeModel() {
    embedder.close();
  }

  @BeforeEach
  void open() {
    database = openDatabase();
    rows = new CodeIndexRows(database);
    index = Embeddings.vectorIndex(database);
    org = rows.newOrg();
  }

  @AfterEach
  void close() {
    index.close();
    database.close();
  }

  /** A blob of functions, each one a symbol with its chunk; returns the chunk ids in order. */
  List<Long> functions(long orgId, String name, List<String> bodies, SymbolKind kind) {
    String text = String.join("\n\n", bodies);
    long blob = rows.blob(orgId, text + "\n// " + name + " " + System.nanoTime());
    List<Long> chunks = new ArrayList<>();
    int offset = 0;
    for (int i = 0; i < bodies.size(); i++) {
      int length = bodies.get(i).getBytes(StandardCharsets.UTF_8).length;
      rows.symbol(
          orgId, blob, i, "f" + i, kind, name + ".f" + i, "f" + i + "()", offset, offset + length);
      chunks.add(rows.chunk(orgId, blob, i, i, offset, offset + length));
      offset += length + 2;
    }
    return chunks;
  }

  /** File-level chunks (no symbol): fixed windows of filler text. */
  List<Long> fileChunks(long orgId, int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(String.format("# configuration line %05d: value=%d%n", i, i * 7));
    }
    long blob = rows.blob(orgId, text.toString());
    int line = 36;
    List<Long> chunks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      chunks.add(rows.chunk(orgId, blob, i, null, i * line, (i + 1) * line));
    }
    return chunks;
  }

  @Test
  void embedsEveryPendingChunkAndSearchFindsTheRightOne() throws Exception {
    List<Long> code =
        functions(
            org,
            "util",
            List.of(
                OnnxTextEmbedderTest.JSON_PARSER,
                OnnxTextEmbedderTest.HTTP_SERVER,
                OnnxTextEmbedderTest.SORT),
            SymbolKind.FUNCTION);
    fileChunks(org, 40);
    List<EmbeddingProgress> seen = new CopyOnWriteArrayList<>();
    try (EmbeddingWorker worker =
        Embeddings.worker(
            database,
            embedder,
            index,
            new WorkerOptions(1, 16, 8),
            (orgId, progress) -> seen.add(progress))) {
      assertThat(worker.progress(org))
          .extracting(EmbeddingProgress::total, EmbeddingProgress::done)
          .containsExactly(43L, 0L);
      worker.wake(org);
      assertThat(worker.awaitIdle(Duration.ofMinutes(2))).isTrue();
      EmbeddingProgress done = worker.progress(org);
      assertThat(done.total()).isEqualTo(43);
      assertThat(done.done()).isEqualTo(43);
      assertThat(done.complete()).isTrue();
      assertThat(done.chunksPerSecond()).isPositive();
      assertThat(seen).isNotEmpty();
      assertThat(seen.get(seen.size() - 1).done()).isEqualTo(43);

      List<VectorHit> json = index.search(org, embedder.embedQuery("parse json"), 3);
      assertThat(json.get(0).chunkId()).isEqualTo(code.get(0));
      List<VectorHit> server =
          index.search(org, embedder.embedQuery("start an http server on an address"), 3);
      assertThat(server.get(0).chunkId()).isEqualTo(code.get(1));

      // new chunks later: a wake embeds just those
      List<Long> more =
          functions(org, "more", List.of(OnnxTextEmbedderTest.SORT), SymbolKind.METHOD);
      worker.wake(org);
      assertThat(worker.awaitIdle(Duration.ofMinutes(1))).isTrue();
      assertThat(worker.progress(org).done()).isEqualTo(44);
      assertThat(index.search(org, embedder.embedQuery("sort integers"), 2))
          .extracting(VectorHit::chunkId)
          .contains(more.get(0));
    }
  }

  @Test
  void stopsBetweenBatchesAndANewWorkerResumes() throws Exception {
    List<Long> fillers = fileChunks(org, 120);
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      bodies.add("int add" + i + "(int a, int b) { return a + b + " + i + "; }");
    }
    List<Long> functions = functions(org, "math", bodies, SymbolKind.FUNCTION);
    CountDownLatch firstBatch = new CountDownLatch(1);
    EmbeddingWorker first =
        Embeddings.worker(
            database,
            embedder,
            index,
            new WorkerOptions(1, 16, 8),
            (orgId, progress) -> {
              firstBatch.countDown();
              try {
                Thread.sleep(50); // slow the run so stop lands mid-way
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    first.wake(org);
    assertThat(firstBatch.await(1, TimeUnit.MINUTES)).isTrue();
    first.stop(Duration.ofMinutes(1));
    first.wake(org); // ignored once stopped
    long afterStop = index.count(org);
    assertThat(afterStop).isBetween(8L, 135L);
    assertThat(afterStop % 8).as("whole batches only").isZero();
    // functions come first: the first batches hold only function chunks
    Set<Long> embedded = new HashSet<>(embeddedIds());
    assertThat(functions.stream().filter(embedded::contains).count())
        .isEqualTo(Math.min(16, afterStop));

    try (EmbeddingWorker second =
        Embeddings.worker(
            database, embedder, index, new WorkerOptions(2, 32, 16), EmbeddingListener.NONE)) {
      second.wake(org);
      assertThat(second.awaitIdle(Duration.ofMinutes(2))).isTrue();
      assertThat(second.progress(org).done()).isEqualTo(136);
      assertThat(new HashSet<>(embeddedIds())).containsAll(fillers).containsAll(functions);
    }
  }

  @Test
  void embedsCodeBeforeTestsAndTestDataThenGeneratedCodeAndReportsWhenTheCodeIsCovered()
      throws Exception {
    long code = rows.blob(org, "func Parse() {}\n");
    long test = rows.blob(org, "func TestParse() {}\n");
    long generated = rows.blob(org, "func Table() {}\n// Code generated by gen. DO NOT EDIT.\n");
    long fixture = rows.blob(org, "func Fixture() {}\n");
    rows.currentManifest(
        org,
        Map.of(
            "json/parse.go", code,
            "json/parse_test.go", test,
            "json/tables.go", generated,
            "json/testdata/f.go", fixture));
    // written in the worst order: generated, test, fixture, then code; a test and test data
    // (both classed as tests) come in the order written
    Map<Long, List<Long>> chunksOf = new java.util.HashMap<>();
    for (long blob : List.of(generated, test, fixture, code)) {
      List<Long> chunks = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        rows.symbol(org, blob, i, "f" + i, SymbolKind.FUNCTION, "p.f" + i, "func f()", 0, 15);
        chunks.add(rows.chunk(org, blob, i, i, 0, 15));
      }
      chunksOf.put(blob, chunks);
    }
    List<List<Long>> expected =
        List.of(
            chunksOf.get(code), chunksOf.get(test), chunksOf.get(fixture), chunksOf.get(generated));
    List<List<Long>> batches = new CopyOnWriteArrayList<>();
    List<EmbeddingProgress> seen = new CopyOnWriteArrayList<>();
    Set<Long> before = new HashSet<>();
    try (EmbeddingWorker worker =
        Embeddings.worker(
            database,
            embedder,
            index,
            new WorkerOptions(1, 4, 4),
            (orgId, progress) -> {
              List<Long> now = new ArrayList<>(embeddedIds());
              now.removeAll(before);
              before.addAll(now);
              batches.add(now);
              seen.add(progress);
            })) {
      EmbeddingProgress start = worker.progress(org);
      assertThat(start.coreTotal()).isEqualTo(4);
      assertThat(start.coreComplete()).isFalse();
      worker.wake(org);
      assertThat(worker.awaitIdle(Duration.ofMinutes(1))).isTrue();
    }
    assertThat(batches).hasSize(4);
    for (int i = 0; i < 4; i++) {
      assertThat(batches.get(i)).containsExactlyInAnyOrderElementsOf(expected.get(i));
    }
    assertThat(seen.get(0).coreComplete()).as("covered after the code's batch").isTrue();
    assertThat(seen.get(0).complete()).isFalse();
    assertThat(seen.get(3).complete()).isTrue();
  }

  private List<Long> embeddedIds() {
    return JdbcClient.create(database.dataSource())
        .sql("SELECT chunk_id FROM chunk_vectors WHERE org_id = ?")
        .param(org)
        .query(Long.class)
        .list();
  }
}
