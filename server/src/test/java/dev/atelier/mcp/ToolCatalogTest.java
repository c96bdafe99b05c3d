package dev.atelier.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.platform.AtelierSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** search_symbols and symbols over MCP stdio, on a real index of a real tree. */
class ToolCatalogTest {

  @TempDir Path tree;
  @TempDir Path data;

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void searchSymbolsAndOutlineAnswerWithPathLineAnchorsAndErrorsAreToolErrors() throws Exception {
    Files.createDirectories(tree.resolve("src"));
    Files.writeString(
        tree.resolve("src/Accounts.java"),
        "package demo;\n\n/** Users. */\npublic class Accounts {\n"
            + "  public String getUserName(int id) { return \"u\" + id; }\n"
            + "  void close() {}\n}\n");
    Files.writeString(
        tree.resolve("src/Main.java"),
        "package demo;\n\nimport java.util.List;\n\nclass Main {\n  String run(Accounts a) {\n"
            + "    return a.getUserName(7);\n  }\n}\n");
    String init =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n"
            + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n";
    String calls =
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n"
            + call(3, "search_symbols", "{\"query\":\"gUN\"}")
            + call(4, "symbols", "{\"path\":\"src/Accounts.java\"}")
            + call(5, "search_symbols", "{\"query\":\"Accounts\",\"kinds\":[\"spaceship\"]}")
            + call(6, "cross_references", "{\"symbol\":\"demo.Accounts\"}")
            + call(7, "dependency_graph", "{\"path\":\"src/Main.java\"}");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CodeIntelligence core =
        CodeIntelligence.open(AtelierSettings.local(tree).withDataDir(data), 1)) {
      new McpStdioServer(
              "9.9.9", ToolCatalog.standard().specifications(new FolderScope(() -> core, tree)))
          .serve(new ByteArrayInputStream((init + calls).getBytes(StandardCharsets.UTF_8)), out);
    }

    Map<Integer, JsonNode> byId = new HashMap<>();
    out.toString(StandardCharsets.UTF_8)
        .lines()
        .map(json::readTree)
        .forEach(node -> byId.put(node.get("id").asInt(), node));
    assertThat(byId.get(2).at("/result/tools").findValuesAsString("name"))
        .contains("search_symbols", "symbols");
    assertThat(byId.get(2).at("/result/tools/0/annotations/readOnlyHint").asBoolean()).isTrue();
    assertThat(byId.get(2).at("/result/tools/0/title").asString()).isEqualTo("Search symbols");
    assertThat(byId.get(3).at("/result/content/0/text").asString())
        .startsWith("src/Accounts.java:5 method demo.Accounts.getUserName");
    assertThat(byId.get(3).at("/result/structuredContent/symbols/0/name").asString())
        .isEqualTo("getUserName");
    assertThat(byId.get(4).at("/result/content/0/text").asString().lines())
        .hasSize(3)
        .first()
        .asString()
        .startsWith("src/Accounts.java:4 class demo.Accounts");
    assertThat(byId.get(5).at("/result/isError").asBoolean()).isTrue();
    assertThat(byId.get(5).at("/result/content/0/text").asString()).contains("SPACESHIP");
    String references = byId.get(6).at("/result/content/0/text").asString();
    assertThat(references).startsWith("src/Accounts.java:4 class demo.Accounts");
    assertThat(references).contains("src/Main.java: 6(type)");
    String dependencies = byId.get(7).at("/result/content/0/text").asString();
    assertThat(dependencies).startsWith("src/Main.java").contains("external: java.util");
  }

  private static String call(int id, String tool, String arguments) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + id
        + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
        + tool
        + "\",\"arguments\":"
        + arguments
        + "}}\n";
  }
}
