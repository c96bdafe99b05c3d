package dev.atelier.codeintel;

import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Embedding throughput and retrieval quality on a real corpus (docs/benchmarks.md, "Embeddings").
 *
 * <pre>
 * speed   DIR EXT SAMPLE        chunks/s: LangChain4j per chunk vs batched at caps 256 and 512
 * quality DIR EXT CORPUS EVAL [CAPS]  hit@1/@5/@10 and MRR (file level) of the public eval queries
 * </pre>
 *
 * <p>Chunks: for .go files, functions (a line starting "func " with the comment lines above it, to
 * the first line that is "}"); for other extensions, fixed windows of 40 lines. Each chunk text
 * starts with its path relative to DIR, as the worker's header does.
 */
public final class EmbeddingBenchmark {

  record Chunk(String path, String text) {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    String ext = args[2];
    List<Chunk> chunks = chunks(dir, ext);
    System.out.printf("corpus %s: %d chunks (%s)%n", dir, chunks.size(), ext);
    switch (args[0]) {
      case "speed" -> speed(chunks, Integer.parseInt(args[3]));
      case "quality" ->
          quality(chunks, args[3], Path.of(args[4]), args.length > 5 ? args[5] : "256,512");
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  static List<Chunk> chunks(Path dir, String ext) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files =
          walk.filter(p -> p.toString().endsWith("." + ext))
              .filter(p -> !p.toString().endsWith("_test.go"))
              .filter(p -> !p.toString().contains("/testdata/"))
              .sorted()
              .toList();
    }
    List<Chunk> chunks = new ArrayList<>();
    for (Path file : files) {
      String rel = dir.relativize(file).toString();
      List<String> lines;
      try {
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        continue;
      }
      if (ext.equals("go")) {
        for (int i = 0; i < lines.size(); i++) {
          if (!lines.get(i).startsWith("func ")) {
            continue;
          }
          int start = i;
          while (start > 0 && lines.get(start - 1).startsWith("//")) {
            start--;
          }
          int end = i;
          while (end < lines.size() - 1
              && !lines.get(end).equals("}")
              && !lines.get(end).endsWith("}")) {
            end++;
          }
          chunks.add(new Chunk(rel, rel + "\n" + String.join("\n", lines.subList(start, end + 1))));
          i = end;
        }
      } else {
        for (int i = 0; i < lines.size(); i += 40) {
          chunks.add(
              new Chunk(
                  rel,
                  rel
                      + "\n"
                      + String.join("\n", lines.subList(i, Math.min(lines.size(), i + 40)))));
        }
      }
    }
    return chunks;
  }

  static void speed(List<Chunk> all, int sampleSize) {
    List<Chunk> sample = new ArrayList<>(all);
    Collections.shuffle(sample, new Random(7));
    sample = sample.subList(0, Math.min(sampleSize, sample.size()));
    List<String> texts = sample.stream().map(Chunk::text).toList();
    int threads = Runtime.getRuntime().availableProcessors();
    System.out.printf("sample %d chunks, %d cores%n", texts.size(), threads);

    var reference = new BgeSmallEnV15QuantizedEmbeddingModel();
    int perChunk = Math.min(300, texts.size());
    reference.embed("warm up");
    long t0 = System.nanoTime();
    List<float[]> theirs = new ArrayList<>();
    for (String text : texts.subList(0, perChunk)) {
      theirs.add(reference.embed(text).content().vector());
    }
    double lc4j = perChunk / ((System.nanoTime() - t0) / 1e9);
    System.out.printf(
        "langchain4j per-chunk (cap 510 + averaging of longer windows): %.1f chunks/s -> %.1f min"
            + " for %d chunks%n",
        lc4j, all.size() / lc4j / 60, all.size());

    for (int cap : new int[] {256, 512}) {
      for (int batch : new int[] {32}) {
        try (var embedder =
            (dev.atelier.codeintel.internal.embedding.OnnxTextEmbedder)
                Embeddings.onnxEmbedder(
                    EmbedderOptions.defaults()
                        .withMaxTokens(cap)
                        .withBatchSize(batch)
                        .withIntraOpThreads(threads))) {
          embedder.embed(texts.subList(0, 64));
          long tokens = 0;
          for (String text : texts) {
            tokens += embedder.tokenCount(text);
          }
          long start = System.nanoTime();
          List<float[]> ours = new ArrayList<>();
          // as the worker does: 512 at a time, sorted by length inside
          for (int from = 0; from < texts.size(); from += 512) {
            ours.addAll(embedder.embed(texts.subList(from, Math.min(texts.size(), from + 512))));
          }
          double rate = texts.size() / ((System.nanoTime() - start) / 1e9);
          double agree = 0;
          double minAgree = 1;
          for (int i = 0; i < perChunk; i++) {
            double c = OnnxTextEmbedderTest.cosine(ours.get(i), theirs.get(i));
            agree += c;
            minAgree = Math.min(minAgree, c);
          }
          System.out.printf(
              "batched cap %d batch %d: %.1f chunks/s (mean %.0f tokens) -> %.1f min for %d"
                  + " chunks; cosine to langchain4j mean %.4f min %.4f%n",
              cap,
              batch,
              rate,
              tokens / (double) texts.size(),
              all.size() / rate / 60,
              all.size(),
              agree / perChunk,
              minAgree);
        }
      }
    }
  }

  private static final Pattern QUERY =
      Pattern.compile("\"corpus\": \"([^\"]+)\", \"query\": \"([^\"]+)\", \"expect\": \\[([^]]*)]");

  static void quality(List<Chunk> chunks, String corpus, Path eval, String caps)
      throws IOException {
    int threads = Runtime.getRuntime().availableProcessors();
    List<String[]> queries = new ArrayList<>();
    List<Set<String>> expects = new ArrayList<>();
    for (String line : Files.readAllLines(eval)) {
      Matcher m = QUERY.matcher(line);
      if (m.find() && m.group(1).equals(corpus)) {
        queries.add(new String[] {m.group(2)});
        Set<String> expect = new LinkedHashSet<>();
        for (String e : m.group(3).split(",")) {
          expect.add(e.trim().replace("\"", ""));
        }
        expects.add(expect);
      }
    }
    for (String capText : caps.split(",")) {
      int cap = Integer.parseInt(capText.trim());
      try (TextEmbedder embedder =
          Embeddings.onnxEmbedder(
              EmbedderOptions.defaults().withMaxTokens(cap).withIntraOpThreads(threads))) {
        long start = System.nanoTime();
        List<float[]> vectors = new ArrayList<>();
        for (int from = 0; from < chunks.size(); from += 512) {
          vectors.addAll(
              embedder.embed(
                  chunks.subList(from, Math.min(chunks.size(), from + 512)).stream()
                      .map(Chunk::text)
                      .toList()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int hit1 = 0;
        int hit5 = 0;
        int hit10 = 0;
        double mrr = 0;
        for (int q = 0; q < queries.size(); q++) {
          float[] query = embedder.embedQuery(queries.get(q)[0]);
          List<Integer> order = new ArrayList<>();
          for (int i = 0; i < chunks.size(); i++) {
            order.add(i);
          }
          order.sort((a, b) ->
              Float.compare(
                  VectorIndexContract.dot(query, vectors.get(b)),
                  VectorIndexContract.dot(query, vectors.get(a))));
          // rank of files: first occurrence order among top chunks
          List<String> files = new ArrayList<>();
          for (int i : order) {
            String path = chunks.get(i).path();
            if (!files.contains(path)) {
              files.add(path);
            }
            if (files.size() == 10) {
              break;
            }
          }
          int rank = -1;
          for (int r = 0; r < files.size() && rank < 0; r++) {
            for (String e : expects.get(q)) {
              if (files.get(r).endsWith(e)) {
                rank = r;
              }
            }
          }
          if (rank == 0) {
            hit1++;
          }
          if (rank >= 0 && rank < 5) {
            hit5++;
          }
          if (rank >= 0) {
            hit10++;
            mrr += 1.0 / (rank + 1);
          }
        }
        int n = queries.size();
        System.out.printf(
            "%s cap %d: embedded %d chunks in %.0f s (%.1f chunks/s); %d queries: hit@1 %.2f"
                + " hit@5 %.2f hit@10 %.2f MRR@10 %.3f (file level)%n",
            corpus,
            cap,
            chunks.size(),
            seconds,
            chunks.size() / seconds,
            n,
            hit1 / (double) n,
            hit5 / (double) n,
            hit10 / (double) n,
            mrr / n);
      }
    }
  }

  private EmbeddingBenchmark() {}
}
