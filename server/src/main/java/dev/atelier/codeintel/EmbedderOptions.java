package dev.atelier.codeintel;

/**
 * How the in-process embedder runs: at most {@code maxTokens} tokens per text (the rest is cut off;
 * bge-small allows 512), at most {@code batchSize} texts and {@code maxBatchTokens} padded tokens
 * per ONNX call, and {@code intraOpThreads} threads inside one call.
 */
public record EmbedderOptions(
    int maxTokens, int batchSize, int maxBatchTokens, int intraOpThreads) {

  /**
   * Token cap 128, batches of up to 8 texts or 1024 tokens, one ONNX thread per core (max 4).
   * Chosen by measurement on 2 cores (docs/benchmarks.md "Embeddings"): cap 128 embeds 2× faster
   * than 256 at equal retrieval quality, and batches of 8 ran 1.4× faster than batches of 32.
   */
  public static EmbedderOptions defaults() {
    return new EmbedderOptions(
        128, 8, 1024, Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
  }

  public EmbedderOptions {
    if (maxTokens < 8 || maxTokens > 512) {
      throw new IllegalArgumentException("maxTokens must be within 8..512: " + maxTokens);
    }
    if (batchSize < 1 || maxBatchTokens < maxTokens || intraOpThreads < 1) {
      throw new IllegalArgumentException(
          "need batchSize >= 1, maxBatchTokens >= maxTokens, intraOpThreads >= 1");
    }
  }

  public EmbedderOptions withMaxTokens(int tokens) {
    return new EmbedderOptions(tokens, batchSize, Math.max(maxBatchTokens, tokens), intraOpThreads);
  }

  public EmbedderOptions withBatchSize(int size) {
    return new EmbedderOptions(maxTokens, size, maxBatchTokens, intraOpThreads);
  }

  public EmbedderOptions withIntraOpThreads(int threads) {
    return new EmbedderOptions(maxTokens, batchSize, maxBatchTokens, threads);
  }
}
