package dev.atelier.codeintel;

import dev.atelier.codeintel.internal.embedding.OnnxTextEmbedder;

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
}
