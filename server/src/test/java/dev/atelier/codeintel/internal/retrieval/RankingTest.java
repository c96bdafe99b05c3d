package dev.atelier.codeintel.internal.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.codeintel.SymbolKind;
import dev.atelier.repos.FileClass;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** BM25F over files, symbol-name matching and reciprocal rank fusion, on hand-built indexes. */
class RankingTest {

  @Test
  void aTermInTheFileNameOutweighsTheSameTermInAnotherFilesBody() {
    FileIndexBuilder builder = new FileIndexBuilder(1);
    int mentions = builder.file("app/views.py", 1, true, FileClass.SOURCE);
    builder.add(mentions, Field.CONTENT, "render the paginator widget here and there");
    int named = builder.file("app/paginator.py", 2, true, FileClass.SOURCE);
    builder.add(named, Field.CONTENT, "class that splits pages");
    FileIndex index = builder.build(0);

    List<LexicalRanker.Scored> ranked = LexicalRanker.bm25(index, Terms.of("paginator"), 10);

    assertThat(ranked).extracting(LexicalRanker.Scored::id).containsExactly(named, mentions);
  }

  @Test
  void rareTermsCountMoreThanCommonOnes() {
    FileIndexBuilder builder = new FileIndexBuilder(1);
    int common = builder.file("a.txt", 1, true, FileClass.SOURCE);
    builder.add(common, Field.CONTENT, "request request request");
    int rare = builder.file("b.txt", 2, true, FileClass.SOURCE);
    builder.add(rare, Field.CONTENT, "request csrf");
    for (int i = 0; i < 5; i++) {
      builder.add(
          builder.file("other" + i + ".txt", 10 + i, true, FileClass.SOURCE),
          Field.CONTENT,
          "request data");
    }
    FileIndex index = builder.build(0);

    List<LexicalRanker.Scored> ranked = LexicalRanker.bm25(index, Terms.of("csrf request"), 10);

    assertThat(ranked.getFirst().id()).isEqualTo(rare);
  }

  @Test
  void aSymbolWhoseNameTheQueryCoversRanksAboveOneItOnlyTouches() {
    FileIndexBuilder builder = new FileIndexBuilder(1);
    int partial = builder.file("reset.py", 1, true, FileClass.SOURCE);
    builder.symbol(
        partial, 0, "PasswordResetTokenGenerator", SymbolKind.CLASS, 1, 9, "class X", null);
    int covered = builder.file("hashers.py", 2, true, FileClass.SOURCE);
    builder.symbol(covered, 0, "PasswordHasher", SymbolKind.CLASS, 1, 9, "class Y", null);
    FileIndex index = builder.build(0);

    List<LexicalRanker.Scored> symbols =
        LexicalRanker.symbols(index, Terms.of("password hasher"), 10);

    assertThat(LexicalRanker.filesOf(index, symbols, 10)).containsExactly(covered, partial);
  }

  @Test
  void fusionPrefersWhatSeveralRankersAgreeOn() {
    Map<Integer, Double> fused =
        RankFusion.fuse(
            List.of(
                new RankFusion.Ranking(List.of(1, 2, 3), 1.0),
                new RankFusion.Ranking(List.of(2, 3, 1), 1.0),
                new RankFusion.Ranking(List.of(2, 4), 1.0)));

    assertThat(fused.get(2)).isGreaterThan(fused.get(1)).isGreaterThan(fused.get(4));
    assertThat(fused.get(1)).isEqualTo(1.0 / (RankFusion.K + 1) + 1.0 / (RankFusion.K + 3));
  }

  @Test
  void aHeavierRankingMovesTheFusedOrder() {
    List<Integer> first = List.of(1, 2);
    List<Integer> second = List.of(2, 1);

    Map<Integer, Double> fused =
        RankFusion.fuse(
            List.of(new RankFusion.Ranking(first, 2.0), new RankFusion.Ranking(second, 1.0)));

    assertThat(fused.get(1)).isGreaterThan(fused.get(2));
  }
}
