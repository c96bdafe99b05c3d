package dev.atelier.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.codeintel.ChangeHistory;
import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.platform.AtelierSettings;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hotspots, find_related and file_analysis on a real index of a fixture tree, with a git history
 * built here commit by commit (so churn and co-change are known exactly) and without git.
 */
class FileInsightToolsTest {

  private static final String A =
      """
      def total(items):
          result = 0
          for item in items:
              if item > 0 and item < 100:
                  result += item
              elif item < 0:
                  result -= item
          return result
      """;

  @TempDir Path tree;
  @TempDir Path data;

  private final ToolCatalog catalog = ToolCatalog.standard();
  private int clock;

  @Nested
  class WithGitHistory {

    /**
     * c1 adds a, b, c, test_a and README; c2 and c3 change a and b; c4 changes a and c; c5 changes
     * a; c6 is mechanical (a plus 60 generated files); c7 renames c.py to d.py. Counted: a 5, b 3,
     * d 3 (c1, c4 and c7, the rename followed).
     */
    private void history() throws Exception {
      try (Git git = Git.init().setDirectory(tree.toFile()).setInitialBranch("main").call()) {
        write("a.py", A);
        write("b.py", "from a import total\n\ndef report(xs):\n    return total(xs)\n");
        write("c.py", "def helper():\n    return 1\n");
        write(
            "test_a.py", "from a import total\n\ndef test_total():\n    assert total([1]) == 1\n");
        write("README.md", "# fixture\n");
        commit(git, "ann", "c1");
        write("a.py", A + "\n# two\n");
        write("b.py", "from a import total\n\ndef report(xs):\n    return total(xs) + 1\n");
        commit(git, "bob", "c2");
        write("a.py", A + "\n# three\n");
        write("b.py", "from a import total\n\ndef report(xs):\n    return total(xs) + 2\n");
        commit(git, "ann", "c3");
        write("a.py", A + "\n# four\n");
        write("c.py", "def helper():\n    return 2\n");
        commit(git, "cid", "c4");
        write("a.py", A + "\n# five\n# TODO: negative items\n");
        commit(git, "ann", "c5");
        for (int i = 0; i < 60; i++) {
          write("gen/f" + i + ".txt", "generated " + i + "\n");
        }
        write("a.py", A + "\n# six\n# TODO: negative items\n");
        commit(git, "bot", "c6");
        Files.move(tree.resolve("c.py"), tree.resolve("d.py"));
        git.rm().addFilepattern("c.py").call();
        commit(git, "cid", "c7");
      }
    }

    @Test
    void countsChurnFollowingRenamesAndSkippingMechanicalCommits() throws Exception {
      history();
      try (CodeIntelligence core = open()) {
        ToolCall call = scope(core).open(ToolArguments.of(Map.of()));
        ChangeHistory.History history =
            core.insights().history().of(call.repository(), call.branch());
        assertThat(history.available()).isTrue();
        assertThat(history.commits()).isEqualTo(6);
        assertThat(history.status()).contains("1 commit of more than 50 files");
        assertThat(history.churn("a.py").orElseThrow().commits()).isEqualTo(5);
        assertThat(history.churn("a.py").orElseThrow().authors()).isEqualTo(3);
        assertThat(history.churn("b.py").orElseThrow().linesAdded()).isEqualTo(4 + 1 + 1);
        assertThat(history.churn("d.py").orElseThrow().commits()).isEqualTo(3);
        assertThat(history.churn("c.py")).isEmpty();
        assertThat(history.coChanges("b.py", 2))
            .first()
            .isEqualTo(new ChangeHistory.CoChange("a.py", 3, 1.0));
        assertThat(history.coChanges("a.py", 2))
            .extracting(ChangeHistory.CoChange::path)
            .containsExactly("b.py", "d.py"); // test_a.py shares one commit only
      }
    }

    @Test
    void aNewCommitExtendsTheHistoryAsAFullWalkWould() throws Exception {
      history();
      try (CodeIntelligence core = open()) {
        ToolCall call = scope(core).open(ToolArguments.of(Map.of()));
        ChangeHistory history = core.insights().history();
        assertThat(history.of(call.repository(), call.branch()).commits()).isEqualTo(6);
        try (Git git = Git.open(tree.toFile())) {
          write("a.py", A + "\n# eight\n");
          write("d.py", "def helper():\n    return 8\n");
          commit(git, "dan", "c8");
        }

        ChangeHistory.History extended = history.of(call.repository(), call.branch());
        ChangeHistory.History fresh = new ChangeHistory().of(call.repository(), call.branch());

        assertThat(extended.commits()).isEqualTo(7);
        assertThat(extended.churn("a.py").orElseThrow().commits()).isEqualTo(6);
        assertThat(extended.churn("a.py").orElseThrow().authors()).isEqualTo(4);
        assertThat(extended.status()).isEqualTo(fresh.status());
        assertThat(extended.files()).containsExactlyInAnyOrderElementsOf(fresh.files());
        assertThat(extended.coChanges("a.py", 1)).isEqualTo(fresh.coChanges("a.py", 1));
      }
    }

    @Test
    void ranksTheMostChangedComplexFileFirstWithEachFactor() throws Exception {
      history();
      try (CodeIntelligence core = open()) {
        String text = text(core, "hotspots", Map.of());
        assertThat(text).contains("git: 7 commits since").contains("not counted");
        assertThat(text.lines().filter(l -> l.startsWith("1. ")).findFirst().orElseThrow())
            .startsWith("1. a.py:1 score")
            .contains("commits 5")
            .contains("authors 3")
            .contains("fan-in 2");
        assertThat(text).doesNotContain("README.md").doesNotContain("gen/f1.txt");
        assertThat(text(core, "hotspots", Map.of("path", "b.py", "limit", 1)))
            .contains("1. b.py:1");
      }
    }

    @Test
    void relatesFilesByCoChangeAndImportsWithReasons() throws Exception {
      history();
      try (CodeIntelligence core = open()) {
        String text = text(core, "find_related", Map.of("path", "a.py"));
        String first = text.lines().filter(l -> l.contains(":1 ")).findFirst().orElseThrow();
        assertThat(first)
            .startsWith("b.py:1")
            .contains("co-changed in 3 commits (confidence 0.6)")
            .contains("imports or references it");
        assertThat(text).contains("d.py:1").contains("not embedded");
        assertThat(text.lines().filter(l -> l.startsWith("test_a.py:1")).findFirst().orElseThrow())
            .contains("a test of it");
        assertThat(text(core, "find_related", Map.of("path", "test_a.py")))
            .contains("the file it tests, by name");
        assertThat(text(core, "find_related", Map.of("path", "b.py")))
            .contains("a.py:1")
            .contains("co-changed in 3 commits (confidence 1.0)")
            .contains("imported or referenced by it");
      }
    }

    @Test
    void analysesOneFileWithChurnTestsAndFindings() throws Exception {
      history();
      try (CodeIntelligence core = open()) {
        String a = text(core, "file_analysis", Map.of("path", "./a.py"));
        assertThat(a)
            .startsWith("a.py - python,")
            .contains("1 function")
            .contains("churn: 5 commits")
            .contains("dependents (2): b.py, test_a.py")
            .contains("tests: test_a.py")
            .contains("a.py:11 todo: 1 TODO/FIXME/HACK/XXX marker (lines 11)")
            .contains("a.py:1 function total");
        assertThat(a).containsPattern("cyclomatic ~[5-9]");
        String b = text(core, "file_analysis", Map.of("path", "b.py"));
        assertThat(b).contains("imports (1): a.py").contains("no-tests: no tests found");
      }
    }
  }

  @Test
  void readsTheHistoryOfAFolderInsideAGitRepositoryRelativeToThatFolder() throws Exception {
    try (Git git = Git.init().setDirectory(tree.toFile()).setInitialBranch("main").call()) {
      write("lib/x.py", "def x():\n    return 1\n");
      write("top.py", "def top():\n    return 1\n");
      commit(git, "ann", "c1");
      write("lib/x.py", "def x():\n    return 2\n");
      write("top.py", "def top():\n    return 2\n");
      commit(git, "ann", "c2");
    }
    Path lib = tree.resolve("lib");
    try (CodeIntelligence core = open()) {
      ToolCall call = new FolderScope(() -> core, lib).open(ToolArguments.of(Map.of()));
      ChangeHistory.History history =
          core.insights().history().of(call.repository(), call.branch());
      assertThat(history.churn("x.py").orElseThrow().commits()).isEqualTo(2);
      assertThat(history.files()).extracting(ChangeHistory.FileChurn::path).containsExactly("x.py");
    }
  }

  @Test
  void answersWithoutGitAndSaysSo() throws Exception {
    write("a.py", A);
    write("b.py", "from a import total\n\ndef report(xs):\n    return total(xs)\n");
    try (CodeIntelligence core = open()) {
      String hotspots = text(core, "hotspots", Map.of());
      assertThat(hotspots)
          .contains("no git history")
          .contains("ranked by complexity x fan-in only")
          .contains("1. a.py:1");
      assertThat(text(core, "file_analysis", Map.of("path", "a.py")))
          .contains("churn: none in the window (git: no git history");
      assertThat(text(core, "find_related", Map.of("path", "a.py")))
          .contains("no git history")
          .contains("b.py:1");
    }
  }

  @Test
  void badInputGetsClearErrorsOrCorrectResults() throws Exception {
    write("src/a.py", A);
    Files.write(tree.resolve("src/logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2});
    try (CodeIntelligence core = open()) {
      assertThat(error(core, "file_analysis", Map.of("path", "a.py")))
          .contains("no file 'a.py'")
          .contains("did you mean src/a.py?");
      assertThat(error(core, "find_related", Map.of("path", "../etc/passwd")))
          .contains("invalid repository path");
      assertThat(error(core, "file_analysis", Map.of("path", "src"))).contains("'src' is a folder");
      assertThat(error(core, "hotspots", Map.of("path", "nowhere"))).contains("no file 'nowhere'");
      assertThat(error(core, "hotspots", Map.of("max_tokens", 0))).contains("max_tokens");
      assertThat(error(core, "hotspots", Map.of("limit", 0))).contains("limit");
      assertThat(error(core, "find_related", Map.of())).contains("path is required");
      assertThat(text(core, "hotspots", Map.of("max_tokens", 1_000_000_000)))
          .contains("1. src/a.py:1");
      assertThat(error(core, "file_analysis", Map.of("path", "src/logo.png")))
          .contains("it is a binary file");
      assertThat(text(core, "hotspots", Map.of("max_tokens", 50)))
          .contains("left out by max_tokens=50");
    }
  }

  private CodeIntelligence open() {
    return CodeIntelligence.open(AtelierSettings.local(tree).withDataDir(data), 1);
  }

  private FolderScope scope(CodeIntelligence core) {
    return new FolderScope(() -> core, tree);
  }

  private String text(CodeIntelligence core, String tool, Map<String, Object> args) {
    CallToolResult result = catalog.mcpResult(tool, args, scope(core));
    String text = ((TextContent) result.content().get(0)).text();
    assertThat(result.isError()).as(text).isNotEqualTo(Boolean.TRUE);
    return text;
  }

  private String error(CodeIntelligence core, String tool, Map<String, Object> args) {
    CallToolResult result = catalog.mcpResult(tool, args, scope(core));
    assertThat(result.isError()).isTrue();
    return ((TextContent) result.content().get(0)).text();
  }

  private void write(String path, String content) throws Exception {
    Path file = tree.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private void commit(Git git, String author, String message) throws Exception {
    git.add().addFilepattern(".").call();
    PersonIdent who =
        new PersonIdent(
            author,
            author + "@example.com",
            Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * ++clock),
            ZoneOffset.UTC);
    git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
  }
}
