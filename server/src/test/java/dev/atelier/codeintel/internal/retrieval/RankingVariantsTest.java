package dev.atelier.codeintel.internal.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.codeintel.SymbolKind;
import dev.atelier.repos.FileClass;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ranking variants measured on the issue 16 eval set: aggregation, priors, settings. */
class RankingVariantsTest {

  @Test
  void aFileWithSeveralCloseChunksOutranksOneWithASingleSlightlyCloserChunk() {
    Map<Integer, List<ChunkSpan>> spans =
        Map.of(
            1, List.of(span(1, 0.80f)),
            2, List.of(span(2, 0.79f), span(2, 0.78f), span(2, 0.77f)),
            3, List.of(span(3, 0.50f)));

    assertThat(VectorAggregate.byMaxPlusSum(spans, 0.3)).containsExactly(2, 1, 3);
    assertThat(VectorAggregate.byMaxPlusSum(spans, 0.0))
        .as("without a share, the best chunk alone decides")
        .containsExactly(1, 2, 3);
  }

  @Test
  void aFileDefiningFarMoreThanTheMedianIsDemotedAndATypicalOneHardly() {
    FileIndexBuilder builder = new FileIndexBuilder(1);
    int hub = builder.file("hub.go", 1, true, FileClass.SOURCE);
    for (int s = 0; s < 60; s++) {
      builder.symbol(hub, s, "f" + s, SymbolKind.FUNCTION, s + 1, s + 1, "func f()", null);
    }
    int[] small = new int[4];
    for (int i = 0; i < small.length; i++) {
      small[i] = builder.file("small" + i + ".go", 10 + i, true, FileClass.SOURCE);
      for (int s = 0; s < 3; s++) {
        builder.symbol(small[i], s, "g" + s, SymbolKind.FUNCTION, s + 1, s + 1, "func g()", null);
      }
    }
    FileIndex index = builder.build(0);
    int median = index.medianSymbols();

    assertThat(median).isEqualTo(3);
    assertThat(Retriever.hubPrior(index, hub, 0.3, median)).isLessThan(0.55);
    assertThat(Retriever.hubPrior(index, small[0], 0.3, median)).isGreaterThan(0.8);
  }

  @Test
  void settingsOverrideOnlyTheKeysGiven() {
    RankingSettings s =
        RankingSettings.parse("symbols=0.25, agg=max_plus_sum, share=0.1, w.CONTENT=0.5");

    assertThat(s.symbolWeight()).isEqualTo(0.25);
    assertThat(s.aggregation()).isEqualTo(RankingSettings.VectorAggregation.MAX_PLUS_SUM);
    assertThat(s.sumShare()).isEqualTo(0.1);
    assertThat(s.fieldWeights()[Field.CONTENT.ordinal()]).isEqualTo(0.5f);
    assertThat(s.fieldWeights()[Field.FILE_NAME.ordinal()]).isEqualTo(Field.FILE_NAME.weight);
    assertThat(s.rrfK()).isEqualTo(RankingSettings.DEFAULT.rrfK());
    assertThat(RankingSettings.parse(""))
        .usingRecursiveComparison()
        .isEqualTo(RankingSettings.DEFAULT);
  }

  @Test
  void fieldWeightsChangeWhichFileBm25fPrefers() {
    RankingSettings contentHeavy = RankingSettings.parse("w.FILE_NAME=0.1,w.CONTENT=3");
    FileIndexBuilder builder = new FileIndexBuilder(1, contentHeavy);
    int named = builder.file("cookie.rb", 1, true, FileClass.SOURCE);
    builder.add(named, Field.CONTENT, "store data");
    int body = builder.file("session.rb", 2, true, FileClass.SOURCE);
    builder.add(body, Field.CONTENT, "cookie cookie cookie secret");
    FileIndex index = builder.build(0);

    assertThat(LexicalRanker.bm25(index, Terms.of("cookie"), 10).getFirst().id()).isEqualTo(body);
  }

  private static ChunkSpan span(int file, float score) {
    return new ChunkSpan(file, 1, 2, score);
  }
}
