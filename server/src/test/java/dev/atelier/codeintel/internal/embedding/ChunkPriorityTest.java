package dev.atelier.codeintel.internal.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChunkPriorityTest {

  @Test
  void codeOutsideTestsComesFirstAndCountsAsCore() {
    assertThat(ChunkPriority.of("net/http/server.go", false, false)).isEqualTo(ChunkPriority.CODE);
    assertThat(ChunkPriority.of("net/http/doc.txt", true, false)).isEqualTo(ChunkPriority.FILE);
    assertThat(ChunkPriority.CODE.core()).isTrue();
    assertThat(ChunkPriority.FILE.core()).isTrue();
  }

  @Test
  void testsTestDataAndOldBlobsComeLaterAndAreNotCore() {
    assertThat(ChunkPriority.of("net/http/server_test.go", false, false))
        .isEqualTo(ChunkPriority.TEST);
    assertThat(ChunkPriority.of("src/test/java/FooTest.java", false, false))
        .isEqualTo(ChunkPriority.TEST);
    assertThat(ChunkPriority.of("go/printer/testdata/comments.go", false, false))
        .isEqualTo(ChunkPriority.TEST_DATA);
    assertThat(ChunkPriority.of(null, false, false)).isEqualTo(ChunkPriority.STALE);
    assertThat(ChunkPriority.of("syscall/zerrors_linux_amd64.go", false, true))
        .isEqualTo(ChunkPriority.GENERATED);
    assertThat(ChunkPriority.values())
        .filteredOn(ChunkPriority::core)
        .containsExactly(ChunkPriority.CODE, ChunkPriority.FILE);
  }
}
