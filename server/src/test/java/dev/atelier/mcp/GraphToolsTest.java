package dev.atelier.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.AtelierSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * impact_analysis, graph_query, repo_map and community_detection on a real index of a Java tree: a
 * call chain A -> B -> C with a test of A, a hub nearly every file uses, and two cliques of
 * packages {@code p} and {@code q} joined only through the hub.
 */
class GraphToolsTest {

  @TempDir Path tree;
  @TempDir Path data;

  private CodeIntelligence core;
  private ToolScope scope;
  private final ToolCatalog catalog = ToolCatalog.standard();

  @BeforeEach
  void index() throws IOException {
    write("src/demo/C.java", "package demo;\n\nclass C {\n  static int c() { return 1; }\n}\n");
    write("src/demo/B.java", "package demo;\n\nclass B {\n  static int b() { return C.c(); }\n}\n");
    write("src/demo/A.java", "package demo;\n\nclass A {\n  static int a() { return B.b(); }\n}\n");
    write("src/demo/ATest.java", "package demo;\n\nclass ATest {\n  void runsA() { A.a(); }\n}\n");
    write("src/p/Hub.java", "package p;\n\nclass Hub {\n  static int h() { return 0; }\n}\n");
    for (String group : List.of("p", "q")) {
      for (int i = 1; i <= 3; i++) {
        StringBuilder body = new StringBuilder();
        for (int j = 1; j <= 3; j++) {
          if (j != i) {
            body.append("    ").append(group.toUpperCase()).append(j).append(".f();\n");
          }
        }
        body.append("    p.Hub.h();\n");
        write(
            "src/" + group + "/" + group.toUpperCase() + i + ".java",
            "package "
                + group
                + ";\n\nclass "
                + group.toUpperCase()
                + i
                + " {\n  static void f() {\n"
                + body
                + "  }\n}\n");
      }
    }
    core = CodeIntelligence.open(AtelierSettings.local(tree).withDataDir(data), 1);
    scope = new FolderScope(() -> core, tree);
  }

  @AfterEach
  void close() {
    core.close();
  }

  @Test
  void impactOfCRanksBThenAAndListsTheTest() {
    ToolAnswer answer = call("impact_analysis", Map.of("files", List.of("src/demo/C.java")));

    List<String> lines = answer.text().lines().toList();
    assertThat(lines.getFirst()).contains("3 dependent files, 1 tests");
    assertThat(lines).contains("tests:", "  src/demo/ATest.java (distance 3)");
    assertThat(lines.stream().filter(l -> l.startsWith("  src/") && l.contains("fan-in")))
        .extracting(l -> l.substring(2, l.indexOf(' ', 2)))
        .containsExactly("src/demo/B.java", "src/demo/A.java", "src/demo/ATest.java");
  }

  @Test
  void impactOfASymbolNamesTheSymbolsThatReferenceIt() {
    ToolAnswer answer = call("impact_analysis", Map.of("symbols", List.of("demo.C.c"), "depth", 1));

    assertThat(answer.text())
        .contains("src/demo/B.java (1, fan-in 1, via src/demo/C.java) by demo.B.b");
    assertThat(answer.text()).doesNotContain("A.java");
  }

  @Test
  void graphQueryFindsCallersAndTheShortestPath() {
    String callers =
        call("graph_query", Map.of("query", "callers", "from", "demo.C.c", "depth", 2)).text();
    assertThat(callers.lines().skip(1))
        .containsExactly(
            "  1 src/demo/B.java:4 method demo.B.b calls demo.C.c",
            "  2 src/demo/A.java:4 method demo.A.a calls demo.B.b");

    String path =
        call(
                "graph_query",
                Map.of("query", "path", "from", "src/demo/ATest.java", "to", "src/demo/C.java"))
            .text();
    assertThat(path.lines())
        .containsExactly(
            "shortest path, 3 steps:",
            "  src/demo/ATest.java",
            "  src/demo/A.java",
            "  src/demo/B.java",
            "  src/demo/C.java");

    String symbols =
        call("graph_query", Map.of("query", "path", "from", "demo.A", "to", "demo.C.c")).text();
    assertThat(symbols).contains("2 steps").contains("method demo.B.b");

    String importers =
        call(
                "graph_query",
                Map.of("query", "importers", "from", "src/p/Hub.java", "path", "*2.java"))
            .text();
    assertThat(importers.lines().skip(1))
        .containsExactly(
            "  1 src/p/P2.java (0 imports, 1 refs)", "  1 src/q/Q2.java (0 imports, 1 refs)");
  }

  @Test
  void repoMapPutsTheHubFirstAndFitsTheBudget() {
    String map = call("repo_map", Map.of()).text();

    assertThat(map.lines().limit(2))
        .containsExactly("src/p/Hub.java:", "  4 method static int h()");
    String small = call("repo_map", Map.of("max_tokens", 50)).text();
    assertThat(TextBudget.tokens(small)).isLessThanOrEqualTo(50);
    assertThat(small).startsWith("src/p/Hub.java:");
    String huge = call("repo_map", Map.of("max_tokens", 1_000_000_000)).text();
    assertThat(huge).contains("src/demo/ATest.java:").doesNotContain("more files");
  }

  @Test
  void communityDetectionSplitsTheTwoCliques() {
    ToolAnswer answer = call("community_detection", Map.of("files_per_community", 10));

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> communities =
        (List<Map<String, Object>>) answer.structured().get("communities");
    Map<String, Object> q =
        communities.stream().filter(c -> c.get("folder").equals("src/q")).findFirst().orElseThrow();
    assertThat(q.get("size")).isEqualTo(3);
    Map<String, Object> p =
        communities.stream().filter(c -> c.get("folder").equals("src/p")).findFirst().orElseThrow();
    assertThat(String.valueOf(p.get("files")))
        .contains("src/p/P1.java")
        .contains("src/p/P2.java")
        .contains("src/p/P3.java");
    assertThat(answer.text()).contains("modularity");
  }

  @Test
  void badInputIsAClearError() {
    assertError("impact_analysis", Map.of(), "files or symbols");
    assertError(
        "impact_analysis",
        Map.of("files", List.of("src/Nope.java")),
        "unknown file 'src/Nope.java'");
    assertError("impact_analysis", Map.of("files", List.of("../outside.java")), "outside");
    assertError("impact_analysis", Map.of("symbols", List.of("Nope")), "unknown symbol 'Nope'");
    assertError(
        "impact_analysis",
        Map.of("files", List.of("src/demo/C.java"), "depth", 0),
        "depth must be between 1 and 10");
    assertError("graph_query", Map.of("query", "callers"), "from is required");
    assertError("graph_query", Map.of("query", "who", "from", "x"), "query must be one of");
    assertError(
        "graph_query",
        Map.of("query", "callers", "from", "demo.C.c", "depth", 11),
        "depth must be between 1 and 10");
    assertError(
        "graph_query",
        Map.of("query", "callers", "from", "demo.C.c", "kinds", List.of("spaceship")),
        "unknown kind");
    assertError(
        "graph_query", Map.of("query", "path", "from", "src/demo/A.java"), "to is required");
    assertError(
        "graph_query",
        Map.of("query", "path", "from", "src/demo/A.java", "to", "demo.C.c"),
        "both be files or both be symbols");
    assertError("repo_map", Map.of("max_tokens", 0), "max_tokens must be at least");
    assertError("repo_map", Map.of("focus", List.of("src/Nope.java")), "unknown file");
    assertError("community_detection", Map.of("min_size", 0), "min_size must be between");
    assertThat(call("community_detection", Map.of("max_tokens", 1_000_000_000)).text())
        .contains("modularity");
    assertThat(
            call(
                    "impact_analysis",
                    Map.of("files", List.of("./src/demo/C.java"), "max_tokens", 1_000_000_000))
                .text())
        .contains("src/demo/ATest.java");
    assertThat(
            call(
                    "graph_query",
                    Map.of("query", "callees", "from", "demo.A.a", "depth", 10, "max_tokens", 50))
                .text())
        .startsWith("callees of demo.A.a");
  }

  private void assertError(String tool, Map<String, Object> arguments, String message) {
    assertThatThrownBy(() -> call(tool, arguments))
        .isInstanceOfAny(AtelierException.class, IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  private ToolAnswer call(String tool, Map<String, Object> arguments) {
    return catalog.call(tool, arguments, scope);
  }

  private void write(String relative, String content) throws IOException {
    Path file = tree.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
