package dev.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexCommandTest {

  @TempDir Path tree;
  @TempDir Path data;

  @Test
  void indexWithEmbeddingsSaysWhenTheCodeOutsideTestsIsCoveredAndWhenEverythingIs()
      throws Exception {
    Files.writeString(
        tree.resolve("parse.go"),
        "package json\n\n// Parse reads a JSON document.\nfunc Parse(s string) int {\n"
            + "\treturn len(s)\n}\n");
    Files.writeString(
        tree.resolve("parse_test.go"),
        "package json\n\nfunc TestParse(t *testing.T) {\n\tParse(\"{}\")\n}\n");
    CliRun cli = new CliRun();

    int exit = cli.run("index", tree.toString(), "--data", data.toString(), "--embeddings");

    assertThat(exit).isZero();
    assertThat(cli.err.toString())
        .containsPattern("embedding: code covered \\(1 chunks outside tests\\) after [0-9.]+ s")
        .containsPattern("embedding: 2/2 chunks after [0-9.]+ s");
  }
}
