package dev.atelier.codeintel;

import dev.atelier.codeintel.internal.embedding.BackgroundEmbeddingWorker;
import dev.atelier.codeintel.internal.embedding.LazyTextEmbedder;
import dev.atelier.codeintel.internal.embedding.OnnxTextEmbedder;
import dev.atelier.codeintel.internal.embedding.PostgresVectorIndex;
import dev.atelier.codeintel.internal.embedding.SqliteVectorIndex;
import dev.atelier.platform.Database;

/** Entry points for semantic search's parts; plain constructors underneath, no Spring needed. */
public final class Embeddings {

  private Embeddings() {}

  /**
   * Loads bge-small-en-v1.5 (quantised) from its jar into ONNX Runtime: about a second and 0.2 GB
   * of native memory. One instance serves the whole process.
   */
  public static TextEmbedder onnxEmbedder(EmbedderOptions options) {
    return new OnnxTextEmbedder(options);
  }

  /** The ONNX embedder, loaded on its first call. */
  public static TextEmbedder lazyOnnxEmbedder(EmbedderOptions options) {
    return new LazyTextEmbedder(options);
  }

  /** bge-small-en-v1.5's vector length, which the PostgreSQL column is declared with. */
  public static final int DIMENSIONS = 384;

  /** The vector index of the database's vendor: pgvector/HNSW, or SQLite plus in-memory ANN. */
  public static VectorIndex vectorIndex(Database database) {
    return vectorIndex(database, SqliteVectorIndex.DEFAULT_EXACT_THRESHOLD);
  }

  /**
   * As {@link #vectorIndex(Database)}, with the number of candidate vectors below which local mode
   * searches exactly instead of through its HNSW graph (PostgreSQL ignores it).
   */
  public static VectorIndex vectorIndex(Database database, int exactThreshold) {
    return switch (database.vendor()) {
      case SQLITE -> new SqliteVectorIndex(database, DIMENSIONS, exactThreshold);
      case POSTGRESQL -> new PostgresVectorIndex(database, DIMENSIONS);
    };
  }

  /**
   * The background embedding worker over the database's chunks. Call {@link EmbeddingWorker#wake}
   * after writing chunks (and once at start-up for every org, to resume).
   */
  public static EmbeddingWorker worker(
      Database database,
      TextEmbedder embedder,
      VectorIndex index,
      WorkerOptions options,
      EmbeddingListener listener) {
    return worker(database, embedder, index, options, listener, () -> false);
  }

  /** The worker, pausing between batches while {@code yieldTo} says other work goes first. */
  public static EmbeddingWorker worker(
      Database database,
      TextEmbedder embedder,
      VectorIndex index,
      WorkerOptions options,
      EmbeddingListener listener,
      java.util.function.BooleanSupplier yieldTo) {
    return new BackgroundEmbeddingWorker(database, embedder, index, options, listener, yieldTo);
  }
}
