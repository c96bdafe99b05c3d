package dev.atelier.codeintel;

import java.util.List;

/**
 * Turns text into unit-length vectors for semantic search. Implementations batch internally, are
 * safe to call from several threads, and hold native resources until {@link #close()}.
 */
public interface TextEmbedder extends AutoCloseable {

  /** Length of every vector this embedder returns. */
  int dimensions();

  /** Stable name of the model (and its settings that change vectors), stored beside each vector. */
  String modelId();

  /**
   * Embeds passages (code chunks), in order: element {@code i} of the result is the vector of
   * {@code texts.get(i)}. Text beyond the embedder's token cap is cut off.
   */
  List<float[]> embed(List<String> texts);

  /** Embeds a search query, with whatever query instruction the model expects. */
  float[] embedQuery(String query);

  @Override
  void close();
}
