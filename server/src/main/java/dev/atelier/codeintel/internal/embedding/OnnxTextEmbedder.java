package dev.atelier.codeintel.internal.embedding;

import static java.util.Objects.requireNonNull;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.atelier.codeintel.EmbedderOptions;
import dev.atelier.codeintel.TextEmbedder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * bge-small-en-v1.5 (int8-quantised) run directly on ONNX Runtime. The model file and tokenizer are
 * the resources of LangChain4j's model jar; unlike LangChain4j's one-call-per-text model this
 * tokenizes every text, sorts them by token length, and runs batches of similar lengths padded only
 * to the longest in the batch. Vectors are the [CLS] hidden state, L2-normalised, as bge expects.
 */
public final class OnnxTextEmbedder implements TextEmbedder {

  static final int DIMENSIONS = 384;

  /** Characters kept before tokenizing: far more than maxTokens tokens ever take, cheap to cut. */
  private static final int CHARS_PER_TOKEN_BOUND = 12;

  private final EmbedderOptions options;
  private final OrtEnvironment environment;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean wantsTokenTypes;
  private final EmbeddingModel model;

  public OnnxTextEmbedder(EmbedderOptions options) {
    this(options, configuredModel());
  }

  OnnxTextEmbedder(EmbedderOptions options, EmbeddingModel model) {
    this.options = requireNonNull(options, "options is null");
    this.model = requireNonNull(model, "model is null");
    try {
      this.tokenizer =
          HuggingFaceTokenizer.newInstance(
              model.open(model.tokenizerFile()),
              Map.of(
                  "padding", "false",
                  "truncation", "true",
                  "maxLength", Integer.toString(options.maxTokens()),
                  "modelMaxLength", "512"));
      this.environment = OrtEnvironment.getEnvironment();
      byte[] weights;
      try (InputStream in = model.open(model.modelFile())) {
        weights = in.readAllBytes();
      }
      try (OrtSession.SessionOptions session = new OrtSession.SessionOptions()) {
        session.setIntraOpNumThreads(options.intraOpThreads());
        session.setInterOpNumThreads(1);
        session.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        session.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        // Spinning intra-op threads steal the cores that indexing and other processes need; on a
        // loaded 2-core machine turning it off made embedding 1.6× faster, not slower.
        session.addConfigEntry("session.intra_op.allow_spinning", "0");
        this.session = environment.createSession(weights, session);
      }
      this.wantsTokenTypes = session.getInputNames().contains("token_type_ids");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the " + model.id() + " model", e);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot start ONNX Runtime: " + e.getMessage(), e);
    }
  }

  /**
   * bge-small unless {@code -Datelier.embedding.model=e5:FOLDER} or {@code minilm:FOLDER} asks for
   * another model (for comparing models on the retrieval bench; use a separate data folder).
   */
  static EmbeddingModel configuredModel() {
    return EmbeddingModel.of(System.getProperty("atelier.embedding.model", ""));
  }

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }

  @Override
  public String modelId() {
    return model.id() + "@" + options.maxTokens();
  }

  static String modelId(EmbedderOptions options) {
    return configuredModel().id() + "@" + options.maxTokens();
  }

  public EmbedderOptions options() {
    return options;
  }

  /** Token count of a text after truncation, including [CLS] and [SEP]. */
  public int tokenCount(String text) {
    return tokenize(text).length;
  }

  @Override
  public float[] embedQuery(String query) {
    return embedAll(List.of(model.queryPrefix() + requireNonNull(query, "query is null")), "")
        .get(0);
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    return embedAll(requireNonNull(texts, "texts is null"), model.passagePrefix());
  }

  private List<float[]> embedAll(List<String> texts, String prefix) {
    int n = texts.size();
    long[][] ids = new long[n][];
    for (int i = 0; i < n; i++) {
      ids[i] = tokenize(prefix + texts.get(i));
    }
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingInt(i -> ids[i].length));
    float[][] vectors = new float[n][];
    int start = 0;
    while (start < n) {
      // Sorted ascending, so the last text of a batch is its longest: grow while it fits.
      int end = start + 1;
      while (end < n
          && end - start < options.batchSize()
          && (long) (end - start + 1) * ids[order[end]].length <= options.maxBatchTokens()) {
        end++;
      }
      runBatch(ids, order, start, end, vectors);
      start = end;
    }
    return Arrays.asList(vectors);
  }

  private long[] tokenize(String text) {
    String cut =
        text.length() > options.maxTokens() * CHARS_PER_TOKEN_BOUND
            ? text.substring(0, options.maxTokens() * CHARS_PER_TOKEN_BOUND)
            : text;
    Encoding encoding = tokenizer.encode(cut);
    return encoding.getIds();
  }

  private void runBatch(long[][] ids, Integer[] order, int start, int end, float[][] vectors) {
    int batch = end - start;
    int length = ids[order[end - 1]].length;
    long[] inputIds = new long[batch * length];
    long[] mask = new long[batch * length];
    for (int b = 0; b < batch; b++) {
      long[] row = ids[order[start + b]];
      System.arraycopy(row, 0, inputIds, b * length, row.length);
      Arrays.fill(mask, b * length, b * length + row.length, 1L);
    }
    long[] shape = {batch, length};
    try (OnnxTensor idsTensor =
            OnnxTensor.createTensor(environment, LongBuffer.wrap(inputIds), shape);
        OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
        OnnxTensor typesTensor =
            OnnxTensor.createTensor(
                environment, LongBuffer.wrap(new long[batch * length]), shape)) {
      Map<String, OnnxTensor> inputs =
          wantsTokenTypes
              ? Map.of(
                  "input_ids",
                  idsTensor,
                  "attention_mask",
                  maskTensor,
                  "token_type_ids",
                  typesTensor)
              : Map.of("input_ids", idsTensor, "attention_mask", maskTensor);
      try (OrtSession.Result result = session.run(inputs)) {
        OnnxTensor hidden = (OnnxTensor) result.get(0);
        FloatBuffer values = hidden.getFloatBuffer();
        // last_hidden_state is [batch, length, 384]; bge pools the [CLS] (first) position,
        // e5 and MiniLM the mean over the text's own tokens.
        for (int b = 0; b < batch; b++) {
          float[] vector = new float[DIMENSIONS];
          int base = (int) ((long) b * length * DIMENSIONS);
          if (model.pooling() == EmbeddingModel.Pooling.CLS) {
            values.get(base, vector);
          } else {
            int tokens = ids[order[start + b]].length;
            float[] state = new float[DIMENSIONS];
            for (int t = 0; t < tokens; t++) {
              values.get(base + t * DIMENSIONS, state);
              for (int d = 0; d < DIMENSIONS; d++) {
                vector[d] += state[d] / tokens;
              }
            }
          }
          vectors[order[start + b]] = normalize(vector);
        }
      }
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
    }
  }

  static float[] normalize(float[] vector) {
    double sum = 0;
    for (float v : vector) {
      sum += (double) v * v;
    }
    float norm = (float) Math.sqrt(sum);
    if (norm > 0) {
      for (int i = 0; i < vector.length; i++) {
        vector[i] /= norm;
      }
    }
    return vector;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("cannot close the ONNX session: " + e.getMessage(), e);
    } finally {
      tokenizer.close();
    }
  }
}
