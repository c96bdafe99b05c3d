package dev.atelier.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.codeintel.CodeParsers;
import dev.atelier.codeintel.IndexListener;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Database;
import dev.atelier.repos.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

/**
 * lsp_*, security_scan, dependencies and explore_codebase on a real index of one fixture tree; the
 * subclasses pick SQLite or PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AnalysisToolsContract {

  private static final String GITHUB_TOKEN = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
  private static final String API_TOKEN = "x8Fq2LmZ9pQ4rT7vW1kD";
  private static final String MAIN_JAVA =
      """
      package demo;

      import com.fasterxml.jackson.databind.ObjectMapper;

      class Main {
        String run(Accounts a) {
          return a.getUserName(7);
        }
      }
      """;

  private Path tree;
  private Path data;

  private Database database;
  private CodeIntelligence core;
  private ToolScope scope;
  private final ToolCatalog catalog = ToolCatalog.standard();

  abstract Database openDatabase(Path data) throws Exception;

  @BeforeAll
  void indexFixture() throws Exception {
    // @TempDir fields are not yet injected in a per-class @BeforeAll
    tree = Files.createTempDirectory("atelier-analysis-tree");
    data = Files.createTempDirectory("atelier-analysis-data");
    write("README.md", "# Demo shop\n\nA tiny shop used by the tests.\n");
    write(
        "pom.xml",
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <project>
          <properties><jackson.version>2.17.1</jackson.version></properties>
          <dependencies>
            <dependency>
              <groupId>com.google.guava</groupId>
              <artifactId>guava</artifactId>
              <version>33.0.0-jre</version>
            </dependency>
            <dependency>
              <groupId>com.fasterxml.jackson.core</groupId>
              <artifactId>jackson-databind</artifactId>
              <version>${jackson.version}</version>
            </dependency>
            <dependency>
              <groupId>org.junit.jupiter</groupId>
              <artifactId>junit-jupiter</artifactId>
              <version>5.10.0</version>
              <scope>test</scope>
            </dependency>
          </dependencies>
        </project>
        """);
    write(
        "package.json",
        """
        {"name": "shop", "dependencies": {"react": "^18.2.0", "lodash": "4.17.21"},
         "devDependencies": {"jest": "^29.0.0"}}
        """);
    write(
        "go.mod",
        "module example.com/shop\n\ngo 1.21\n\nrequire (\n\tgithub.com/pkg/errors v0.9.1\n"
            + "\tgolang.org/x/text v0.3.7 // indirect\n)\n");
    write("tools/go.mod", "module example.com/tools\n\nrequire github.com/pkg/errors v0.8.0\n");
    write(
        "tools/lint.go",
        "package tools\n\nimport \"github.com/pkg/errors\"\n\nvar E = errors.New(\"lint\")\n");
    write("requirements.txt", "requests==2.31.0\nPyYAML>=6 ; python_version > '3'\n");
    write(
        "src/main/java/demo/Accounts.java",
        """
        package demo;

        import com.google.common.collect.ImmutableList;

        /** Keeps the users of the shop. */
        public class Accounts {
          /** The name of a user. */
          public String getUserName(int id) { return "u" + id; }
        }
        """);
    write("src/main/java/demo/Main.java", MAIN_JAVA);
    write(
        "web/app.js", "import React from 'react';\nimport _ from 'lodash';\nexport const x = 1;\n");
    write(
        "cmd/main.go",
        "package main\n\nimport (\n\t\"crypto/tls\"\n\t\"github.com/pkg/errors\"\n)\n\n"
            + "func main() {\n\t_ = &tls.Config{InsecureSkipVerify: true}\n"
            + "\tpanic(errors.New(\"x\"))\n}\n");
    write(
        "scripts/broken.py",
        "import yaml\nfrom .missing_module import thing\n\ndef ok():\n    return 1\n\n"
            + "def broken(:\n    pass\n");
    write(
        "scripts/settings.py",
        "import hashlib, os, requests\n\n"
            + "AWS_ACCESS_KEY_ID = \"AKIAIOSFODNN7EXAMPLE\"\n"
            + "api_token = \""
            + API_TOKEN
            + "\"\n"
            + "password = \"hunter22\"\n"
            + "requests.get(URL, verify=False)\n"
            + "cursor.execute(\"SELECT * FROM users WHERE id = \" + user_id)\n"
            + "cursor.execute(\"SELECT * FROM users WHERE id = %s\", [user_id])\n"
            + "digest = hashlib.md5(data)\n"
            + "# os.system(\"commented out\")\n"
            + "class Node:\n"
            + "    def eval(self, context):\n"
            + "        return 1\n"
            + "SECRET_PREFIX = \"django-insecure-\"\n"
            + "TOKEN_HEADER = \"Sec-Provided-Token-Binding-ID\"\n");
    write(
        "config/deploy.pem",
        "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n"
            + "-----END RSA PRIVATE KEY-----\n");
    write("tests/fixtures/tokens.txt", "token: " + GITHUB_TOKEN + "\n");
    database = openDatabase(data);
    core = CodeIntelligence.over(database, CodeParsers.create(), 1);
    core.indexWorkingTree(tree, IndexListener.NONE);
    Repository repository = core.workingTree(tree);
    scope = ToolScope.of(core, repository);
  }

  @AfterAll
  void close() throws IOException {
    core.close();
    database.close();
    for (Path root : List.of(tree, data)) {
      try (var paths = Files.walk(root)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  // ---- lsp_definition / lsp_hover / lsp_references ----

  @Test
  void definitionJumpsFromACallToTheMethod() {
    int[] at = position(MAIN_JAVA, "getUserName");

    ToolAnswer answer = call("lsp_definition", "src/main/java/demo/Main.java", at[0], at[1] + 3);

    assertThat(answer.text())
        .startsWith("'getUserName' at src/main/java/demo/Main.java:7:14 (call)")
        .contains("src/main/java/demo/Accounts.java:8:17 method demo.Accounts.getUserName");
  }

  @Test
  void definitionOfATypeNameFindsTheClassAndOnADefinitionNameTheDefinitionItself() {
    int[] type = position(MAIN_JAVA, "Accounts a");
    assertThat(call("lsp_definition", "src/main/java/demo/Main.java", type[0], type[1]).text())
        .contains("src/main/java/demo/Accounts.java:6:14 class demo.Accounts");

    ToolAnswer self = call("lsp_definition", "src/main/java/demo/Accounts.java", 6, 16);
    assertThat(self.text())
        .startsWith("'Accounts' at src/main/java/demo/Accounts.java:6:14 (a definition)")
        .contains("[definition]");
  }

  @Test
  void identifiersTheIndexDoesNotRecordAreLookedUpByTheWordUnderTheCursor() {
    // the receiver "a" is no reference row: the word under the cursor is looked up by name
    int[] at = position(MAIN_JAVA, "a.getUserName");
    ToolAnswer answer = call("lsp_definition", "src/main/java/demo/Main.java", at[0], at[1]);
    assertThat(answer.text())
        .startsWith("'a' at src/main/java/demo/Main.java:7:12")
        .contains("no definition found");
    ToolAnswer blank = call("lsp_definition", "scripts/broken.py", 3, 1);
    assertThat(blank.text()).startsWith("no identifier at scripts/broken.py:3:1");
  }

  @Test
  void hoverShowsTheSignatureAndTheDocComment() {
    int[] at = position(MAIN_JAVA, "getUserName");

    String text = call("lsp_hover", "src/main/java/demo/Main.java", at[0], at[1]).text();

    assertThat(text)
        .contains("public String getUserName(int id)")
        .contains("| The name of a user.");
  }

  @Test
  void referencesFromTheDefinitionListTheCallResolvedByTheReceiversDeclaredType() {
    String text = call("lsp_references", "src/main/java/demo/Accounts.java", 8, 20).text();

    // a.getUserName(7): a is declared an Accounts, so the call is resolved, not guessed by name
    assertThat(text)
        .contains("demo.Accounts.getUserName [definition] - 1 references")
        .contains("src/main/java/demo/Main.java: 7 (0.95)")
        .doesNotContain("guess");
  }

  @Test
  void positionsOutsideTheFileAndUnknownFilesAreClearErrors() {
    assertThatThrownBy(() -> call("lsp_definition", "src/main/java/demo/Main.java", 0, 1))
        .hasMessageContaining("1-based");
    assertThatThrownBy(() -> call("lsp_definition", "src/main/java/demo/Main.java", 99, 1))
        .hasMessageContaining("line 99 is past the end")
        .hasMessageContaining("10 lines");
    assertThatThrownBy(() -> call("lsp_hover", "src/main/java/demo/Main.java", 1, 200))
        .hasMessageContaining("column 200 is past the end of line 1");
    assertThatThrownBy(() -> call("lsp_references", "src/Nope.java", 1, 1))
        .hasMessageContaining("no file 'src/Nope.java'");
    assertThatThrownBy(() -> call("lsp_definition", "../etc/passwd", 1, 1))
        .isInstanceOf(AtelierException.class);
    assertThatThrownBy(() ->
            catalog.call("lsp_definition", Map.of("path", "src/main/java/demo/Main.java"), scope))
        .hasMessageContaining("line is required");
    assertThatThrownBy(() ->
            catalog.call(
                "lsp_definition",
                Map.of("path", "src/main/java/demo/Main.java", "line", 1, "column", "abc"),
                scope))
        .hasMessageContaining("column must be a whole number");
  }

  // ---- lsp_diagnostics ----

  @Test
  void diagnosticsReportTheSyntaxErrorAndTheUnresolvedImport() {
    ToolAnswer answer = catalog.call("lsp_diagnostics", Map.of("path", "scripts/broken.py"), scope);

    assertThat(answer.text())
        .contains("scripts/broken.py:7:")
        .contains("error [tree-sitter] syntax error")
        .contains("no language server is configured");
    assertThat(answer.text().lines().filter(l -> l.contains("error [tree-sitter]")))
        .allMatch(l -> l.startsWith("scripts/broken.py:7:"));
  }

  @Test
  void aCleanFileHasNoDiagnostics() {
    ToolAnswer answer =
        catalog.call("lsp_diagnostics", Map.of("path", "src/main/java/demo/Accounts.java"), scope);
    assertThat(answer.text()).contains("no syntax errors or unresolved imports");
    assertThatThrownBy(() -> catalog.call("lsp_diagnostics", Map.of("path", "nope.py"), scope))
        .hasMessageContaining("no file 'nope.py'");
  }

  // ---- security_scan ----

  @Test
  void securityScanFindsPlantedSecretsAndDangerousCallsWithoutEchoingSecrets() {
    ToolAnswer answer = catalog.call("security_scan", Map.of(), scope);
    String text = answer.text();

    assertThat(text)
        .contains("scripts/settings.py:3 critical secret.aws-access-key")
        .contains("AKIA****[20 chars]")
        .contains("scripts/settings.py:4 high secret.assignment")
        .contains("scripts/settings.py:6 high tls.verify-disabled")
        .contains("scripts/settings.py:7 high sql.concatenation")
        .contains("scripts/settings.py:9 medium crypto.weak-hash")
        .contains("config/deploy.pem:1 critical secret.private-key")
        .contains("cmd/main.go:9 high tls.verify-disabled")
        .contains("tests/fixtures/tokens.txt:1 critical secret.github-token")
        .doesNotContain("settings.py:5 ") // a low-entropy password is not a finding
        .doesNotContain("settings.py:8 ") // parameterised SQL is fine
        .doesNotContain("settings.py:10 ") // commented-out code
        .doesNotContain("settings.py:12 ") // a method named eval is no call of eval
        .doesNotContain("settings.py:14 ") // a word, not a generated secret
        .doesNotContain("settings.py:15 "); // a header name
    String everything = text + JsonMapper.builder().build().writeValueAsString(answer.structured());
    assertThat(everything)
        .doesNotContain("AKIAIOSFODNN7EXAMPLE")
        .doesNotContain(API_TOKEN)
        .doesNotContain(GITHUB_TOKEN);
  }

  @Test
  void securityScanFiltersBySeverityPathAndTests() {
    String critical =
        catalog.call("security_scan", Map.of("min_severity", "critical"), scope).text();
    assertThat(critical).contains("secret.aws-access-key").doesNotContain("verify-disabled");

    String goOnly = catalog.call("security_scan", Map.of("path", "**/*.go"), scope).text();
    assertThat(goOnly).contains("cmd/main.go:9").doesNotContain("settings.py");

    String noTests = catalog.call("security_scan", Map.of("exclude_tests", true), scope).text();
    assertThat(noTests).doesNotContain("tests/fixtures").contains("settings.py");

    assertThatThrownBy(() -> catalog.call("security_scan", Map.of("min_severity", "dire"), scope))
        .hasMessageContaining("low, medium, high or critical");
    assertThatThrownBy(() -> catalog.call("security_scan", Map.of("max_tokens", 0), scope))
        .hasMessageContaining("max_tokens");
    String huge = catalog.call("security_scan", Map.of("max_tokens", 1_000_000_000), scope).text();
    assertThat(huge).contains("secret.aws-access-key");
  }

  // ---- dependencies ----

  @Test
  void dependenciesMapDeclaredPackagesToTheFilesImportingThem() {
    String text = catalog.call("dependencies", Map.of(), scope).text();

    assertThat(text)
        .contains(
            "com.google.guava:guava 33.0.0-jre [runtime] used by 1: src/main/java/demo/Accounts.java")
        .contains(
            "com.fasterxml.jackson.core:jackson-databind 2.17.1 [runtime] used by 1:"
                + " src/main/java/demo/Main.java")
        .contains("org.junit.jupiter:junit-jupiter 5.10.0 [test] no importing files")
        .contains("react ^18.2.0 [runtime] used by 1: web/app.js")
        .contains("jest ^29.0.0 [dev] no importing files")
        .contains("(no importing files: no import or use statement names it;")
        .contains("go.mod:6 github.com/pkg/errors v0.9.1 [runtime] used by 1: cmd/main.go")
        .contains("tools/go.mod:3 github.com/pkg/errors v0.8.0 [runtime] used by 1: tools/lint.go")
        .contains("golang.org/x/text v0.3.7 [indirect]")
        .contains("PyYAML >=6 [runtime] used by 1: scripts/broken.py")
        .contains("requests ==2.31.0 [runtime] used by 1: scripts/settings.py");
    String unused = catalog.call("dependencies", Map.of("unused_only", true), scope).text();
    assertThat(unused).contains("jest").doesNotContain("react");
  }

  // ---- explore_codebase ----

  @Test
  void exploreListsFoldersFirstWithSummariesAndDrillsDown() {
    String root = catalog.call("explore_codebase", Map.of(), scope).text();
    assertThat(root.lines().findFirst().orElseThrow()).startsWith("./ - 15 files");
    assertThat(root)
        .contains("README: Demo shop")
        .contains("src/ (2 files, ")
        .contains("java) - class Main, class Accounts")
        .contains("config/ (1 file, 3 lines) - deploy.pem")
        .contains("pom.xml (");
    assertThat(root.indexOf("web/")).isLessThan(root.indexOf("README.md"));

    String demo =
        catalog.call("explore_codebase", Map.of("path", "src/main/java/demo"), scope).text();
    assertThat(demo)
        .contains("src/main/java/demo/Accounts.java (9 lines, java) - class Accounts")
        .contains("Keeps the users of the shop.");
  }

  @Test
  void exploreRejectsUnknownFoldersFilesAndPathsOutside() {
    assertThatThrownBy(() -> catalog.call("explore_codebase", Map.of("path", "nowhere"), scope))
        .hasMessageContaining("no folder 'nowhere'");
    assertThatThrownBy(() -> catalog.call("explore_codebase", Map.of("path", "pom.xml"), scope))
        .hasMessageContaining("is a file");
    assertThatThrownBy(() -> catalog.call("explore_codebase", Map.of("path", "../x"), scope))
        .isInstanceOf(AtelierException.class);
    String small = catalog.call("explore_codebase", Map.of("max_tokens", 50), scope).text();
    assertThat(small).contains("left out by max_tokens=50");
  }

  private ToolAnswer call(String tool, String path, int line, int column) {
    Map<String, Object> arguments = new HashMap<>();
    arguments.put("path", path);
    arguments.put("line", line);
    arguments.put("column", column);
    return catalog.call(tool, arguments, scope);
  }

  /** The 1-based line and column of the first occurrence of {@code needle}. */
  private static int[] position(String text, String needle) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      int at = lines.get(i).indexOf(needle);
      if (at >= 0) {
        return new int[] {i + 1, at + 1};
      }
    }
    throw new AssertionError(needle + " not in text");
  }

  private void write(String path, String content) throws IOException {
    Path file = tree.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
