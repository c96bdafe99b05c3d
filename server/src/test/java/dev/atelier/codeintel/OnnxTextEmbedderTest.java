package dev.atelier.codeintel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The batched ONNX embedder gives LangChain4j's bge vectors, and they rank code sensibly. */
class OnnxTextEmbedderTest {

  private static TextEmbedder embedder;

  @BeforeAll
  static void load() {
    embedder = Embeddings.onnxEmbedder(EmbedderOptions.defaults().withMaxTokens(512));
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  static final String JSON_PARSER =
      """
      // ParseJSON decodes a JSON document into a map of values.
      func ParseJSON(data []byte) (map[string]any, error) {
      \tvar out map[string]any
      \tif err := json.Unmarshal(data, &out); err != nil {
      \t\treturn nil, fmt.Errorf("bad json: %w", err)
      \t}
      \treturn out, nil
      }
      """;
  static final String HTTP_SERVER =
      """
      // Serve starts an HTTP server on addr and routes requests to handlers.
      func Serve(addr string, mux *http.ServeMux) error {
      \tsrv := &http.Server{Addr: addr, Handler: mux, ReadTimeout: 5 * time.Second}
      \treturn srv.ListenAndServe()
      }
      """;
  static final String SORT =
      """
      public static void insertionSort(int[] a) {
        for (int i = 1; i < a.length; i++) {
          int x = a[i]; int j = i - 1;
          while (j >= 0 && a[j] > x) { a[j + 1] = a[j]; j--; }
          a[j + 1] = x;
        }
      }
      """;

  @Test
  void matchesLangChain4jsModelInBatchesOfMixedLengths() {
    List<String> texts =
        List.of(
            "hello",
            JSON_PARSER,
            HTTP_SERVER,
            SORT,
            "Represent this sentence for searching relevant passages: parse json",
            JSON_PARSER.repeat(6));
    var reference = new BgeSmallEnV15QuantizedEmbeddingModel();
    List<float[]> ours = embedder.embed(texts);
    assertThat(ours).hasSize(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      float[] theirs = reference.embed(texts.get(i)).content().vector();
      assertThat(ours.get(i)).hasSize(384);
      // Alone, the same computation: identical up to float rounding.
      float[] alone = embedder.embed(List.of(texts.get(i))).get(0);
      assertThat(cosine(alone, theirs)).as("text %d alone", i).isGreaterThan(0.9999f);
      // In a batch, the int8 model's dynamic quantisation takes its scale over the whole input
      // tensor, so batch neighbours shift a vector slightly (measured >= 0.984).
      assertThat(cosine(ours.get(i), theirs)).as("text %d in a batch", i).isGreaterThan(0.98f);
      assertThat(cosine(ours.get(i), ours.get(i)))
          .isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
    }
  }

  @Test
  void aQueryIsClosestToTheCodeThatDoesIt() {
    List<float[]> code = embedder.embed(List.of(JSON_PARSER, HTTP_SERVER, SORT));
    float[] parse = embedder.embedQuery("parse json");
    assertThat(cosine(parse, code.get(0))).isGreaterThan(cosine(parse, code.get(1)));
    assertThat(cosine(parse, code.get(0))).isGreaterThan(cosine(parse, code.get(2)));
    float[] server = embedder.embedQuery("start a web server listening on a port");
    assertThat(cosine(server, code.get(1))).isGreaterThan(cosine(server, code.get(0)));
    float[] sort = embedder.embedQuery("sort an array of integers");
    assertThat(cosine(sort, code.get(2))).isGreaterThan(cosine(sort, code.get(0)));
  }

  @Test
  void cutsTextsAtTheTokenCapAndKeepsOrder() {
    try (TextEmbedder small =
        Embeddings.onnxEmbedder(EmbedderOptions.defaults().withMaxTokens(32))) {
      List<String> texts = List.of(SORT.repeat(20), "a", HTTP_SERVER);
      List<float[]> batch = small.embed(texts);
      for (int i = 0; i < texts.size(); i++) {
        assertThat(cosine(batch.get(i), small.embed(List.of(texts.get(i))).get(0)))
            .isGreaterThan(0.98f);
      }
    }
  }

  static float cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return (float) (dot / Math.sqrt(na * nb));
  }
}
