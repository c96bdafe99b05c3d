package dev.atelier.codeintel;

/**
 * The embedding worker's pool: {@code threads} orgs embedded at once (each run is one ONNX caller;
 * ONNX's own intra-op threads are the embedder's), {@code fetchSize} pending chunks read per round
 * and sorted by length, {@code batchSize} chunks per embed call and per written transaction.
 */
public record WorkerOptions(int threads, int fetchSize, int batchSize) {

  public static WorkerOptions defaults() {
    return new WorkerOptions(1, 512, 64);
  }

  public WorkerOptions {
    if (threads < 1 || fetchSize < 1 || batchSize < 1) {
      throw new IllegalArgumentException("threads, fetchSize and batchSize must be positive");
    }
  }
}
