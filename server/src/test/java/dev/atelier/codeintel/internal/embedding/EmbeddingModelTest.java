package dev.atelier.codeintel.internal.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Choosing the embedding model for a model comparison; bge-small stays the default. */
class EmbeddingModelTest {

  @Test
  void noSpecIsTheBuiltInBgeWithItsQueryInstructionAndClsPooling() {
    EmbeddingModel model = EmbeddingModel.of("");

    assertThat(model).isSameAs(EmbeddingModel.BGE_SMALL);
    assertThat(model.pooling()).isEqualTo(EmbeddingModel.Pooling.CLS);
    assertThat(model.queryPrefix()).startsWith("Represent this sentence");
    assertThat(model.passagePrefix()).isEmpty();
  }

  @Test
  void e5IsMeanPooledWithQueryAndPassagePrefixesFromItsFolder() {
    EmbeddingModel model = EmbeddingModel.of("e5:/models");

    assertThat(model.id()).isEqualTo("e5-small-v2-q");
    assertThat(model.pooling()).isEqualTo(EmbeddingModel.Pooling.MEAN);
    assertThat(model.queryPrefix()).isEqualTo("query: ");
    assertThat(model.passagePrefix()).isEqualTo("passage: ");
    assertThat(model.folder()).isEqualTo(Path.of("/models"));
  }

  @Test
  void miniLmHasNoPrefixesAndAnUnknownNameIsRefused() {
    assertThat(EmbeddingModel.of("minilm:/m").queryPrefix()).isEmpty();
    assertThatThrownBy(() -> EmbeddingModel.of("gte:/m"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown");
  }
}
