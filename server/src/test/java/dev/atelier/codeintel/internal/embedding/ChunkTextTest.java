package dev.atelier.codeintel.internal.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChunkTextTest {

  @Test
  void putsTheDocCommentBetweenTheSignatureAndTheBody() {
    String text =
        ChunkText.of(
            "sort/slice.go",
            "sort.Slice",
            "func Slice(x any, less func(i, j int) bool)",
            "Slice sorts the slice x given the provided less function.",
            "func Slice(x any, less func(i, j int) bool) {\n\trv := reflectValueOf(x)\n}");

    assertThat(text)
        .isEqualTo(
            """
            sort/slice.go sort.Slice
            func Slice(x any, less func(i, j int) bool)
            Slice sorts the slice x given the provided less function.
             {
            \trv := reflectValueOf(x)
            }\
            """);
  }

  @Test
  void leavesOutADocTheBodyAlreadyHolds() {
    String body = "def parse(text):\n    \"\"\"Parse the text.\n\n    More.\"\"\"\n    return 1";

    String text = ChunkText.of("util.py", "util.parse", "def parse(text)", "Parse the text.", body);

    assertThat(text).isEqualTo("util.py util.parse\n" + body);
  }

  @Test
  void cutsALongDocSoTheBodyStillFitsTheTokenCap() {
    String doc = "word ".repeat(1000);

    String text = ChunkText.of("a.go", "a.F", "func F()", doc, "func F() {}");

    assertThat(text).hasSizeLessThan(ChunkText.MAX_DOC_CHARS + 40).endsWith("\n {}");
  }

  @Test
  void aFileLevelChunkIsItsPathThenItsText() {
    assertThat(ChunkText.of("README.md", null, null, null, "# Title\n"))
        .isEqualTo("README.md\n# Title\n");
    assertThat(ChunkText.of(null, null, null, null, "text")).isEqualTo("text");
  }
}
