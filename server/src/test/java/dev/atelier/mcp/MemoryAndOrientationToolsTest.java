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

/** The learning tools, conventions, project_summary and bootstrap on a real index of a tree. */
class MemoryAndOrientationToolsTest {

  @TempDir Path tree;
  @TempDir Path data;

  private CodeIntelligence core;
  private ToolScope scope;
  private final ToolCatalog catalog = ToolCatalog.standard();

  @BeforeEach
  void index() throws IOException {
    write(
        "pom.xml",
        "<project><dependencies>"
            + "<dependency><groupId>org.springframework.boot</groupId>"
            + "<artifactId>spring-boot-starter-web</artifactId></dependency>"
            + "<dependency><groupId>org.junit.jupiter</groupId>"
            + "<artifactId>junit-jupiter</artifactId></dependency>"
            + "</dependencies></project>\n");
    write("mvnw", "#!/bin/sh\n");
    write(
        "src/main/java/demo/Accounts.java",
        "package demo;\n\npublic class Accounts {\n"
            + "  private int openCount;\n"
            + "  public String getUserName(int id) { return \"u\" + id; }\n"
            + "  public void closeAccount(int id) { openCount--; }\n"
            + "  public boolean isOpenNow() { return openCount > 0; }\n"
            + "  public static void main(String[] args) {}\n}\n");
    write(
        "src/main/java/demo/AccountMissingException.java",
        "package demo;\n\npublic class AccountMissingException extends RuntimeException {}\n");
    write(
        "src/test/java/demo/AccountsTest.java",
        "package demo;\n\nimport org.junit.jupiter.api.Test;\n\n"
            + "class AccountsTest {\n  @Test\n  void readsTheUserName() {}\n}\n");
    write(
        "package.json",
        "{\"name\":\"demo\",\"scripts\":{\"build\":\"tsc\",\"test\":\"vitest run\"},"
            + "\"devDependencies\":{\"vitest\":\"^1\"},\"bin\":{\"demo\":\"bin/demo.js\"}}\n");
    write("go.mod", "module example.com/demo\n\ngo 1.21\n");
    write(
        "cmd/demo/main.go",
        "package main\n\nfunc main() {\n\tif err := run(); err != nil {\n\t\tpanic(err)\n\t}\n}\n"
            + "\nfunc run() error {\n\t_, err := open()\n\tif err != nil {\n\t\treturn err\n\t}\n"
            + "\treturn nil\n}\n\nfunc open() (int, error) { return 0, nil }\n");
    write(
        "tools/users.py",
        "def load_user(user_id):\n    return user_id\n\n"
            + "def save_user_profile(user):\n    pass\n\n"
            + "def delete_all_users():\n    pass\n\n"
            + "class UserStore:\n    def find_by_name(self, name):\n        return name\n");
    write("tools/tests/test_users.py", "def test_load_user():\n    assert True\n");
    core = CodeIntelligence.open(AtelierSettings.local(tree).withDataDir(data), 1);
    scope = new FolderScope(() -> core, tree);
  }

  @AfterEach
  void close() {
    core.close();
  }

  @Test
  void recordsThenRecallsByQueryAndByFileScope() {
    ToolAnswer recorded =
        call(
            "record_learning",
            Map.of(
                "content", "getUserName must never return null; callers do not check",
                "kind", "pitfall",
                "path", "src/main/java/demo/Accounts.java",
                "tags", List.of("nulls")));
    assertThat(recorded.text()).startsWith("recorded #").contains("pitfall 0.70");
    call(
        "record_learning",
        Map.of("content", "Build with ./mvnw -B verify before pushing", "kind", "how-to"));
    call(
        "record_learning",
        Map.of("content", "Python helpers live in tools", "kind", "convention", "path", "tools"));

    assertThat(
            call(
                    "record_learning",
                    Map.of(
                        "content",
                        "Python helpers live in tools",
                        "kind",
                        "convention",
                        "path",
                        "tools/"))
                .text())
        .startsWith("already recorded");

    ToolAnswer byQuery = call("recall", Map.of("query", "null user name"));
    assertThat(byQuery.text().lines().findFirst().orElseThrow())
        .contains("src/main/java/demo/Accounts.java: getUserName must never return null");

    ToolAnswer byFile =
        call("recall", Map.of("files", List.of("./src/main/java/demo/Accounts.java")));
    assertThat(byFile.text().lines().toList()).hasSize(2).first().asString().contains("pitfall");
    assertThat(byFile.text()).contains("how-to").doesNotContain("Python helpers");

    ToolAnswer folder = call("recall", Map.of("files", List.of("tools/users.py")));
    assertThat(folder.text().lines().findFirst().orElseThrow()).contains("tools/: Python helpers");
  }

  @Test
  void feedbackDecaysALearningOutOfRecallAndListStillShowsIt() {
    ToolAnswer recorded =
        call("record_learning", Map.of("content", "The cache is flaky on CI", "kind", "pitfall"));
    long id = ((Number) recorded.structured().get("id")).longValue();
    ToolAnswer up = call("learning_feedback", Map.of("id", id, "helpful", true));
    assertThat(up.text()).contains("confidence 0.70 -> 0.77");
    for (int i = 0; i < 4; i++) {
      call("learning_feedback", Map.of("id", id, "helpful", "false"));
    }
    assertThat(call("recall", Map.of("query", "flaky cache")).text()).startsWith("no learnings");
    assertThat(call("recall", Map.of("query", "flaky cache", "include_decayed", true)).text())
        .contains("(decayed)");
    assertThat(call("list_learnings", Map.of("kind", "pitfall")).text()).contains("#" + id);
    assertThat(call("list_learnings", Map.of("min_confidence", 0.5)).text())
        .startsWith("no learnings");
  }

  @Test
  void badInputsAreClearToolErrors() {
    assertThatThrownBy(() -> call("record_learning", Map.of("content", " ", "kind", "pitfall")))
        .hasMessageContaining("content is empty");
    assertThatThrownBy(
            () -> call("record_learning", Map.of("content", "x".repeat(9000), "kind", "pitfall")))
        .hasMessageContaining("8 KiB");
    assertThatThrownBy(() -> call("record_learning", Map.of("content", "x", "kind", "rumour")))
        .hasMessageContaining("unknown learning kind 'rumour'");
    assertThatThrownBy(() -> call("record_learning", Map.of("content", "x")))
        .hasMessageContaining("kind is required");
    assertThatThrownBy(() ->
            call("record_learning", Map.of("content", "x", "kind", "pitfall", "path", "../etc")))
        .hasMessageContaining("'..'");
    assertThatThrownBy(() ->
            call(
                "record_learning",
                Map.of("content", "x", "kind", "pitfall", "path", "/etc/passwd")))
        .hasMessageContaining("absolute");
    assertThatThrownBy(() ->
            call(
                "record_learning",
                Map.of("content", "x", "kind", "pitfall", "path", "src/Nope.java")))
        .hasMessageContaining("no folder 'src/Nope.java'");
    assertThatThrownBy(() ->
            call(
                "record_learning",
                Map.of("content", "x", "kind", "pitfall", "scope", "file", "path", "tools")))
        .hasMessageContaining("it is a folder");
    assertThatThrownBy(() -> call("recall", Map.of())).hasMessageContaining("query, files");
    assertThatThrownBy(() -> call("learning_feedback", Map.of("id", 999, "helpful", true)))
        .hasMessageContaining("no learning #999");
    assertThatThrownBy(() -> call("learning_feedback", Map.of("id", 1)))
        .hasMessageContaining("helpful is required");
    assertThatThrownBy(() -> call("list_learnings", Map.of("min_confidence", 2)))
        .hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> call("list_learnings", Map.of("kind", "gossip")))
        .isInstanceOf(AtelierException.class)
        .hasMessageContaining("convention, pitfall, decision, how-to");
    assertThatThrownBy(() -> call("bootstrap", Map.of("max_tokens", 0)))
        .hasMessageContaining("at least 50");
  }

  @Test
  void conventionsFindSnakeCaseInPythonAndCamelCaseInJavaWithExamples() {
    String text = call("conventions", Map.of()).text();

    assertThat(text).containsPattern("python functions: snake_case 100% of \\d+ \\(e\\.g\\. ");
    assertThat(text).contains("tools/users.py:1");
    assertThat(text).containsPattern("java functions: camelCase \\d+% of \\d+");
    assertThat(text).contains("src/main/java/demo/Accounts.java:5");
    assertThat(text).contains("java *Test.java: 1 file, under src/test (mirrors src/main)");
    assertThat(text).contains("python test_*.py: 1 file, in test folders (tools/tests/)");
    assertThat(text).contains("layout: sources src/main/java/, cmd/; tests src/test/java/");
    assertThat(text)
        .contains("AccountMissingException src/main/java/demo/AccountMissingException.java:3");
    assertThat(text).contains("errors (go): 2 `if err != nil` checks in 1 sampled files");
    assertThat(text)
        .contains("Spring Boot (pom.xml)")
        .contains("JUnit 5")
        .doesNotContain("Spring (");
  }

  @Test
  void projectSummaryFindsBuildAndTestCommandsAndEntryPoints() {
    String text = call("project_summary", Map.of()).text();

    assertThat(text)
        .contains("test: ./mvnw -B test   (pom.xml)")
        .contains("build: npm run build   (package.json)")
        .contains("test: npm test   (package.json)")
        .contains("test: go test ./...   (go.mod)")
        .contains("languages: java 3 files")
        .contains("cmd/demo/main.go go command (go run ./cmd/demo)")
        .contains("src/main/java/demo/Accounts.java:8 main method")
        .contains("bin/demo.js package.json bin (demo)")
        .contains("Vitest");
  }

  @Test
  void bootstrapFitsItsSectionsInTheBudget() {
    call("record_learning", Map.of("content", "Run ./mvnw -B verify first", "kind", "how-to"));

    ToolAnswer small = call("bootstrap", Map.of("max_tokens", 300));
    ToolAnswer full = call("bootstrap", Map.of());

    assertThat(small.text().length()).isLessThanOrEqualTo(300 * 4 + 100);
    assertThat(full.text())
        .contains("## project", "## repo map", "## conventions", "## learnings")
        .contains("test: ./mvnw -B test")
        .contains("Run ./mvnw -B verify first");
    assertThat(full.structured()).containsKeys("project_summary", "conventions", "list_learnings");
  }

  private ToolAnswer call(String tool, Map<String, Object> arguments) {
    return catalog.call(tool, arguments, scope);
  }

  private void write(String path, String text) throws IOException {
    Path file = tree.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
