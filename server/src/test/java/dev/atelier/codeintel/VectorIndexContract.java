package dev.atelier.codeintel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.atelier.platform.Database;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The vector index on a real database; subclasses give SQLite and PostgreSQL. */
abstract class VectorIndexContract {

  static final int DIMS = Embeddings.DIMENSIONS;

  Database database;
  CodeIndexRows rows;
  long org;
  final Random random = new Random(42);

  abstract Database openDatabase();

  /** The index under test; {@code exactThreshold} forces local mode's ANN graph when small. */
  abstract VectorIndex index(int exactThreshold);

  @BeforeEach
  void open() {
    database = openDatabase();
    rows = new CodeIndexRows(database);
    org = rows.newOrg();
  }

  @AfterEach
  void close() {
    database.close();
  }

  float[] unitVector() {
    float[] v = new float[DIMS];
    double sum = 0;
    for (int i = 0; i < DIMS; i++) {
      v[i] = (float) random.nextGaussian();
      sum += v[i] * v[i];
    }
    for (int i = 0; i < DIMS; i++) {
      v[i] /= (float) Math.sqrt(sum);
    }
    return v;
  }

  /** Chunks in {@code blobs} blobs, their vectors upserted; returns chunk id to vector. */
  Map<Long, float[]> fill(VectorIndex index, long orgId, int blobs, int chunksPerBlob) {
    Map<Long, float[]> vectors = new HashMap<>();
    for (int b = 0; b < blobs; b++) {
      long blob = rows.blob(orgId, "blob " + b + " " + random.nextLong());
      for (int c = 0; c < chunksPerBlob; c++) {
        vectors.put(rows.chunk(orgId, blob, c, null, 0, 4), unitVector());
      }
    }
    index.upsert(orgId, vectors, "test");
    return vectors;
  }

  static List<Long> bruteForce(
      Map<Long, float[]> vectors, float[] query, int k, Set<Long> allowed) {
    return vectors.entrySet().stream()
        .filter(e -> allowed.contains(e.getKey()))
        .sorted(
            Comparator.comparingDouble((Map.Entry<Long, float[]> e) -> -dot(query, e.getValue())))
        .limit(k)
        .map(Map.Entry::getKey)
        .toList();
  }

  static float dot(float[] a, float[] b) {
    float sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  @Test
  void findsExactNeighboursAndScoresThemByCosine() {
    try (VectorIndex index = index(20_000)) {
      Map<Long, float[]> vectors = fill(index, org, 20, 10);
      assertThat(index.count(org)).isEqualTo(200);
      for (int q = 0; q < 5; q++) {
        float[] query = unitVector();
        List<VectorHit> hits = index.search(org, query, 10);
        List<Long> expected = bruteForce(vectors, query, 10, vectors.keySet());
        assertThat(overlap(hits, expected)).isGreaterThanOrEqualTo(9);
        assertThat(hits.get(0).score())
            .isCloseTo(dot(query, vectors.get(hits.get(0).chunkId())), offset(1e-4f));
        for (int i = 1; i < hits.size(); i++) {
          assertThat(hits.get(i).score()).isLessThanOrEqualTo(hits.get(i - 1).score());
        }
      }
      // a stored vector is its own nearest neighbour, with similarity 1
      long some = vectors.keySet().iterator().next();
      VectorHit top = index.search(org, vectors.get(some), 1).get(0);
      assertThat(top.chunkId()).isEqualTo(some);
      assertThat(top.score()).isCloseTo(1f, offset(1e-4f));
    }
  }

  @Test
  void annRecallAtTenStaysHighOnALargerSet() {
    try (VectorIndex index = index(100)) {
      Map<Long, float[]> vectors = fill(index, org, 50, 40);
      int found = 0;
      int queries = 20;
      for (int q = 0; q < queries; q++) {
        // queries near stored vectors, as real queries are near real chunks
        float[] base =
            vectors.values().stream()
                .skip(random.nextInt(vectors.size()))
                .findFirst()
                .orElseThrow();
        float[] query = unitVector();
        for (int i = 0; i < DIMS; i++) {
          query[i] = base[i] + 0.05f * query[i];
        }
        normalize(query);
        found +=
            overlap(index.search(org, query, 10), bruteForce(vectors, query, 10, vectors.keySet()));
      }
      assertThat(found / (double) (queries * 10)).isGreaterThanOrEqualTo(0.9);
    }
  }

  @Test
  void filtersByBlobAndByChunk() {
    try (VectorIndex index = index(100)) {
      Map<Long, float[]> vectors = fill(index, org, 40, 5);
      List<Long> ids = new ArrayList<>(vectors.keySet());
      Set<Long> someChunks = new HashSet<>(ids.subList(0, 7));
      float[] query = unitVector();
      List<VectorHit> hits = index.search(org, query, 5, VectorFilter.chunks(someChunks));
      assertThat(hits)
          .extracting(VectorHit::chunkId)
          .containsExactlyElementsOf(bruteForce(vectors, query, 5, someChunks));

      long blob =
          JdbcClient.create(database.dataSource())
              .sql("SELECT blob_id FROM chunks WHERE org_id = ? AND id = ?")
              .params(org, ids.get(0))
              .query(Long.class)
              .single();
      List<VectorHit> inBlob = index.search(org, query, 10, VectorFilter.blobs(Set.of(blob)));
      assertThat(inBlob).hasSize(5);
      assertThat(inBlob).allSatisfy(hit -> assertThat(vectors).containsKey(hit.chunkId()));
    }
  }

  @Test
  void keepsOrgsApartReplacesAndDeletes() {
    try (VectorIndex index = index(20_000)) {
      Map<Long, float[]> mine = fill(index, org, 3, 3);
      long other = rows.newOrg();
      Map<Long, float[]> theirs = fill(index, other, 3, 3);
      float[] query = theirs.values().iterator().next();
      assertThat(index.search(org, query, 20))
          .extracting(VectorHit::chunkId)
          .allMatch(mine::containsKey);

      long chunk = mine.keySet().iterator().next();
      float[] replaced = unitVector();
      index.upsert(org, chunk, replaced, "test");
      assertThat(index.count(org)).isEqualTo(9);
      assertThat(index.search(org, replaced, 1).get(0).chunkId()).isEqualTo(chunk);

      index.delete(org, List.of(chunk));
      assertThat(index.count(org)).isEqualTo(8);
      assertThat(index.search(org, replaced, 20))
          .extracting(VectorHit::chunkId)
          .doesNotContain(chunk);

      // deleting the chunk row cascades to its vector, and searches stop returning it
      long gone = mine.keySet().stream().filter(id -> id != chunk).findFirst().orElseThrow();
      rows.deleteChunk(org, gone);
      assertThat(index.count(org)).isEqualTo(7);
      assertThat(index.search(org, mine.get(gone), 20))
          .extracting(VectorHit::chunkId)
          .doesNotContain(gone);

      // vectors of chunks that do not exist are skipped
      index.upsert(org, 987_654_321L, unitVector(), "test");
      assertThat(index.count(org)).isEqualTo(7);
    }
  }

  static void normalize(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x * x;
    }
    for (int i = 0; i < v.length; i++) {
      v[i] /= (float) Math.sqrt(sum);
    }
  }

  static int overlap(List<VectorHit> hits, List<Long> expected) {
    Set<Long> got = new HashSet<>();
    hits.forEach(h -> got.add(h.chunkId()));
    return (int) expected.stream().filter(got::contains).count();
  }
}
