package dev.atelier.codeintel.internal.embedding;

import dev.atelier.codeintel.EmbedderOptions;
import dev.atelier.codeintel.TextEmbedder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Loads the ONNX model on first use: it takes ~1 s and ~0.7 GB, which {@code serve}'s start-up and
 * commands that never embed should not pay.
 */
public final class LazyTextEmbedder implements TextEmbedder {

  private final EmbedderOptions options;
  private @Nullable TextEmbedder loaded;
  private boolean closed;

  public LazyTextEmbedder(EmbedderOptions options) {
    this.options = options;
  }

  private synchronized TextEmbedder embedder() {
    if (closed) {
      throw new IllegalStateException("the embedder is closed");
    }
    TextEmbedder current = loaded;
    if (current == null) {
      current = new OnnxTextEmbedder(options);
      loaded = current;
    }
    return current;
  }

  @Override
  public int dimensions() {
    return OnnxTextEmbedder.DIMENSIONS;
  }

  @Override
  public String modelId() {
    return OnnxTextEmbedder.modelId(options);
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    return embedder().embed(texts);
  }

  @Override
  public float[] embedQuery(String query) {
    return embedder().embedQuery(query);
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (loaded != null) {
      loaded.close();
    }
  }
}
