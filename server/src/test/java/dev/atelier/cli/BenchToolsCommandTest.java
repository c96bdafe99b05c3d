package dev.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** atelier bench tools drives every tool with a workload drawn from a real index. */
class BenchToolsCommandTest {

  @TempDir Path tree;
  @TempDir Path data;

  private final CliRun cli = new CliRun();

  @Test
  void measuresEachToolOnItsOwnIndexWithoutErrors() throws Exception {
    Files.createDirectories(tree.resolve("src/demo"));
    Files.writeString(
        tree.resolve("src/demo/Accounts.java"),
        "package demo;\n\npublic class Accounts {\n  public String userName(int id) {\n"
            + "    return \"u\" + id;\n  }\n}\n");
    Files.writeString(
        tree.resolve("src/demo/Main.java"),
        "package demo;\n\nclass Main {\n  String run(Accounts a) {\n    return a.userName(7);\n"
            + "  }\n}\n");

    int exit =
        cli.run(
            "bench",
            "tools",
            tree.toString(),
            "--data",
            data.toString(),
            "--calls",
            "3",
            "--no-rg",
            "--json");

    assertThat(exit).as(cli.err.toString()).isZero();
    JsonNode tools = JsonMapper.builder().build().readTree(cli.out.toString()).get("tools");
    assertThat(tools.propertyNames())
        .contains("search_symbols", "cross_references", "lsp_definition", "repo_map", "bootstrap");
    tools
        .properties()
        .forEach(entry ->
            assertThat(entry.getValue().get("errors").asInt()).as(entry.getKey()).isZero());
    assertThat(tools.get("search_symbols").get("calls").asInt()).isEqualTo(3);
  }

  @Test
  void coldModeTimesFirstCallsInFreshProcessesWithAndWithoutTheCacheFiles() throws Exception {
    Files.writeString(
        tree.resolve("Accounts.java"),
        "public class Accounts {\n  public String userName(int id) {\n    return \"u\" + id;\n"
            + "  }\n}\n");

    int exit =
        cli.run(
            "bench",
            "tools",
            tree.toString(),
            "--data",
            data.toString(),
            "--cold",
            "--runs",
            "1",
            "--calls",
            "1",
            "--tools",
            "repo_map,semantic_search",
            "--no-rg",
            "--json");

    assertThat(exit).as(cli.err.toString()).isZero();
    JsonNode cold = JsonMapper.builder().build().readTree(cli.out.toString()).get("cold");
    assertThat(cold.propertyNames()).containsExactlyInAnyOrder("repo_map", "semantic_search");
    for (String tool : new String[] {"repo_map", "semantic_search"}) {
      assertThat(cold.get(tool).get("firstCallMillis").asDouble()).as(tool).isPositive();
      assertThat(cold.get(tool).get("firstCallWithoutCacheMillis").asDouble()).isPositive();
      assertThat(cold.get(tool).get("callAfterOpenMillis").asDouble())
          .isLessThanOrEqualTo(cold.get(tool).get("firstCallMillis").asDouble());
    }
    try (var files = Files.list(data.resolve("cache"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("the fresh processes wrote the cache files")
          .anyMatch(name -> name.startsWith("graph-"))
          .anyMatch(name -> name.startsWith("retrieval-"));
    }
  }
}
