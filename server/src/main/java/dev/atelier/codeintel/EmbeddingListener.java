package dev.atelier.codeintel;

/** Told after every batch the embedding worker writes, on the worker's thread: keep it quick. */
@FunctionalInterface
public interface EmbeddingListener {

  EmbeddingListener NONE = (orgId, progress) -> {};

  void onProgress(long orgId, EmbeddingProgress progress);
}
