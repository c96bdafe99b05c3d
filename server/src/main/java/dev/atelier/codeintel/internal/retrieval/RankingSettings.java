package dev.atelier.codeintel.internal.retrieval;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How the file rankings are fused: the reciprocal-rank constant, each ranker's weight, how many
 * chunk vectors are read and how their scores become a file's. Parsed from a {@code key=value,...}
 * string so that the retrieval bench can measure variants side by side.
 */
record RankingSettings(
    int rrfK,
    double bm25Weight,
    double symbolWeight,
    double symbolWeightWithVectors,
    double vectorWeight,
    int vectorChunks,
    VectorAggregation aggregation,
    double sumShare,
    boolean lexicalOnly,
    float[] fieldWeights,
    float[] fieldB,
    double k1,
    double hub) {

  /** How a file's chunk hits become one file ranking. */
  enum VectorAggregation {
    /** Files in the order of their best chunk. */
    FIRST,
    /** The best chunk's score plus a share of the others' (files with many close chunks rise). */
    MAX_PLUS_SUM
  }

  static final RankingSettings DEFAULT =
      new RankingSettings(
          10,
          1.0,
          0.5,
          // Measured on eval/retrieval-own.jsonl's dev half (docs/benchmarks.md, issue 16):
          // with vectors, symbol names at 0.25 instead of 0.5.
          0.25,
          1.0,
          100,
          VectorAggregation.FIRST,
          0.0,
          false,
          defaults(true),
          defaults(false),
          FileIndex.K1,
          0.0);

  private static float[] defaults(boolean weights) {
    Field[] fields = Field.values();
    float[] out = new float[fields.length];
    for (Field f : fields) {
      out[f.ordinal()] = weights ? f.weight : f.b;
    }
    return out;
  }

  /**
   * What the built index depends on (field weights and length normalisation), for the cache key of
   * its file: empty for the defaults, so their files stay valid.
   */
  String indexKey() {
    if (Arrays.equals(fieldWeights, DEFAULT.fieldWeights())
        && Arrays.equals(fieldB, DEFAULT.fieldB())) {
      return "";
    }
    return " fields " + Arrays.toString(fieldWeights) + Arrays.toString(fieldB);
  }

  /**
   * The defaults with the given keys overridden (k, bm25, symbols, vectors, chunks, agg, share).
   */
  static RankingSettings parse(String spec) {
    Map<String, String> values = new HashMap<>();
    for (String part : spec.split(",")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        values.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
      }
    }
    RankingSettings d = DEFAULT;
    float[] weights = d.fieldWeights().clone();
    float[] bs = d.fieldB().clone();
    for (Field f : Field.values()) {
      // w.CONTENT=0.5, b.CONTENT=0.9: a field's weight and length normalisation.
      weights[f.ordinal()] =
          Float.parseFloat(values.getOrDefault("w." + f.name(), Float.toString(f.weight)));
      bs[f.ordinal()] = Float.parseFloat(values.getOrDefault("b." + f.name(), Float.toString(f.b)));
    }
    return new RankingSettings(
        Integer.parseInt(values.getOrDefault("k", Integer.toString(d.rrfK()))),
        Double.parseDouble(values.getOrDefault("bm25", Double.toString(d.bm25Weight()))),
        Double.parseDouble(values.getOrDefault("symbols", Double.toString(d.symbolWeight()))),
        Double.parseDouble(
            values.getOrDefault(
                "vsymbols",
                values.getOrDefault("symbols", Double.toString(d.symbolWeightWithVectors())))),
        Double.parseDouble(values.getOrDefault("vectors", Double.toString(d.vectorWeight()))),
        Integer.parseInt(values.getOrDefault("chunks", Integer.toString(d.vectorChunks()))),
        VectorAggregation.valueOf(
            values.getOrDefault("agg", d.aggregation().name()).toUpperCase(Locale.ROOT)),
        Double.parseDouble(values.getOrDefault("share", Double.toString(d.sumShare()))),
        Boolean.parseBoolean(values.getOrDefault("lexicalOnly", "false")),
        weights,
        bs,
        Double.parseDouble(values.getOrDefault("k1", Double.toString(d.k1()))),
        Double.parseDouble(values.getOrDefault("hub", Double.toString(d.hub()))));
  }
}
