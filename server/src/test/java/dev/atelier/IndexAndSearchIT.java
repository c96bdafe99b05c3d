package dev.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code atelier index --json} and {@code atelier search} as processes on the real jar. */
class IndexAndSearchIT {

  @TempDir Path tree;
  @TempDir Path data;

  private record Result(int exit, String out) {}

  private Result run(String... args) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-jar",
                System.getProperty("atelier.jar")));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return new Result(process.exitValue(), out);
  }

  @Test
  void indexPrintsOneJsonSummaryAndSearchFindsWhatItIndexed() throws Exception {
    Files.createDirectories(tree.resolve("src"));
    Files.writeString(
        tree.resolve("src/HttpServletRequest.java"),
        "package web;\n\n/** A request. */\npublic class HttpServletRequest {\n"
            + "  public String getHeader(String name) { return lookup(name); }\n"
            + "  private String lookup(String name) { return name; }\n}\n");
    Files.writeString(
        tree.resolve("tool.py"), "import os\n\ndef main():\n    print(os.getcwd())\n");
    Files.write(tree.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
    Files.writeString(tree.resolve("README.md"), "# Demo\nCall getHeader to read a header.\n");

    Result index = run("index", tree.toString(), "--data", data.toString(), "--json");

    assertThat(index.exit()).as(index.out()).isZero();
    JsonNode summary = JsonMapper.builder().build().readTree(index.out());
    assertThat(summary.get("files").asLong()).isEqualTo(3);
    assertThat(summary.get("filesByLanguage").get("java").asLong()).isEqualTo(1);
    assertThat(summary.get("filesByLanguage").get("python").asLong()).isEqualTo(1);
    assertThat(summary.get("symbols").asLong()).isGreaterThanOrEqualTo(4);
    assertThat(summary.get("references").get("resolved").asLong()).isPositive();
    assertThat(summary.get("skipped").get(0).get("reason").asString()).isEqualTo("binary");
    assertThat(summary.get("parser").asString()).isIn("tree-sitter-o2", "bonede");
    assertThat(summary.get("phaseSeconds").has("parse")).isTrue();

    Result symbols = run("search", "HSR", tree.toString(), "--data", data.toString(), "--symbols");
    assertThat(symbols.exit()).isZero();
    assertThat(symbols.out())
        .startsWith("src/HttpServletRequest.java:4: class web.HttpServletRequest");

    Result tool =
        run(
            "tool",
            "search_symbols",
            "--path",
            tree.toString(),
            "--data",
            data.toString(),
            "--args",
            "{\"query\": \"HSR\"}");
    assertThat(tool.exit()).isZero();
    assertThat(tool.out()).startsWith("src/HttpServletRequest.java:4 class web.HttpServletRequest");
    assertThat(run("tool", "--list", "--path", tree.toString(), "--data", data.toString()).out())
        .contains("search_symbols", "symbols");
    assertThat(run("tool", "nope", "--path", tree.toString(), "--data", data.toString()).exit())
        .isEqualTo(2);

    Result text = run("search", "getHeader", tree.toString(), "--data", data.toString());
    assertThat(text.out().lines().toList())
        .containsExactly(
            "README.md:2: Call getHeader to read a header.",
            "src/HttpServletRequest.java:5: public String getHeader(String name) { return lookup(name); }");
  }
}
