package dev.atelier.codeintel.internal.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.repos.FileClass;
import org.junit.jupiter.api.Test;

class ChunkPriorityTest {

  @Test
  void sourceAndDocumentationComeFirstAndCountAsCore() {
    assertThat(ChunkPriority.of(FileClass.SOURCE, false)).isEqualTo(ChunkPriority.CODE);
    assertThat(ChunkPriority.of(FileClass.SOURCE, true)).isEqualTo(ChunkPriority.FILE);
    assertThat(ChunkPriority.of(FileClass.DOCUMENTATION, true)).isEqualTo(ChunkPriority.FILE);
    assertThat(ChunkPriority.CODE.core()).isTrue();
    assertThat(ChunkPriority.FILE.core()).isTrue();
  }

  @Test
  void testsGeneratedVendoredAndOldBlobsComeLaterAndAreNotCore() {
    assertThat(ChunkPriority.of(FileClass.TEST, false)).isEqualTo(ChunkPriority.TEST);
    assertThat(ChunkPriority.of(FileClass.GENERATED, false)).isEqualTo(ChunkPriority.GENERATED);
    assertThat(ChunkPriority.of(FileClass.VENDORED, false)).isEqualTo(ChunkPriority.VENDORED);
    assertThat(ChunkPriority.of(null, false)).isEqualTo(ChunkPriority.STALE);
    assertThat(ChunkPriority.values())
        .filteredOn(ChunkPriority::core)
        .containsExactly(ChunkPriority.CODE, ChunkPriority.FILE);
  }
}
