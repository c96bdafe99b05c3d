package dev.atelier.codeintel;

/**
 * How far semantic search covers an org: {@code done} of {@code total} chunks have a vector; the
 * rate is that of the current (or last) run of the embedding worker, 0 when it has not run. The
 * core chunks are the ones semantic search needs to cover a repository: definitions and file-level
 * chunks outside tests and test data, in a branch's current manifest; the worker embeds them first.
 */
public record EmbeddingProgress(
    long total, long done, double chunksPerSecond, long coreTotal, long coreDone) {

  /** Progress where every chunk counts as core. */
  public EmbeddingProgress(long total, long done, double chunksPerSecond) {
    this(total, done, chunksPerSecond, total, done);
  }

  public long pending() {
    return Math.max(0, total - done);
  }

  public boolean complete() {
    return done >= total;
  }

  /** Every core chunk has a vector: semantic search covers the code, tests may still be pending. */
  public boolean coreComplete() {
    return coreDone >= coreTotal;
  }
}
