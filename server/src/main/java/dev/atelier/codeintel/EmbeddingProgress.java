package dev.atelier.codeintel;

/**
 * How far semantic search covers an org: {@code done} of {@code total} chunks have a vector; the
 * rate is that of the current (or last) run of the embedding worker, 0 when it has not run.
 */
public record EmbeddingProgress(long total, long done, double chunksPerSecond) {

  public long pending() {
    return Math.max(0, total - done);
  }

  public boolean complete() {
    return done >= total;
  }
}
