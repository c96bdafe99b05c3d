package dev.atelier.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.platform.AtelierSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers that say what they do not know: links made by name alone are shown as guesses and kept
 * out of the graph analyses, no edge is invented (a guessed call of the caller itself, library code
 * depending on a test), and a tool with a blind spot names it instead of answering "none".
 */
class HonestAnswersTest {

  @TempDir Path tree;
  @TempDir Path data;

  private CodeIntelligence core;
  private ToolScope scope;
  private final ToolCatalog catalog = ToolCatalog.standard();

  @AfterEach
  void close() {
    if (core != null) {
      core.close();
    }
  }

  private void open() {
    core = CodeIntelligence.open(AtelierSettings.local(tree).withDataDir(data), 1);
    scope = new FolderScope(() -> core, tree);
  }

  private String call(String tool, Map<String, Object> arguments) {
    return catalog.call(tool, arguments, scope).text();
  }

  private void write(String path, String text) throws IOException {
    Path file = tree.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  /** Two classes with a lock(), and calls of lock() on receivers whose type is unknown. */
  @Nested
  class NameOnlyLinks {

    void twoLocks() throws IOException {
      write(
          "app/store.py", "class Store:\n    def lock(self):\n        return self.inner.lock()\n");
      write("app/other.py", "class Other:\n    def lock(self):\n        return 1\n");
      write("app/user.py", "def use(m):\n    return m.lock()\n");
      open();
    }

    @Test
    void crossReferencesListThemApartAsGuessesAndDoNotCountThem() throws IOException {
      twoLocks();

      String refs = call("cross_references", Map.of("symbol", "Other.lock"));

      assertThat(refs)
          .contains("Other.lock - 0 references in 0 files")
          .contains("guesses by name alone (the receiver's type is unknown; not counted above): 2")
          .contains("    app/user.py: 2")
          .contains("    app/store.py: 3");
    }

    @Test
    void aGuessIsNeverACallOfTheCallerItself() throws IOException {
      twoLocks();

      assertThat(call("cross_references", Map.of("symbol", "Store.lock")))
          .as("self.inner.lock() inside Store.lock is not Store.lock calling itself")
          .doesNotContain("app/store.py: 3");
    }

    @Test
    void graphAnalysesLeaveGuessesOut() throws IOException {
      twoLocks();

      assertThat(call("impact_analysis", Map.of("files", List.of("app/other.py"))))
          .contains("0 dependent files");
      assertThat(call("graph_query", Map.of("query", "callers", "from", "Other.lock", "depth", 1)))
          .doesNotContain("app/user.py");
    }
  }

  @Test
  void libraryCodeNeverDependsOnATest() throws IOException {
    write("go.mod", "module example.com/demo\n\ngo 1.22\n");
    write("pkg/a.go", "package pkg\n\nfunc A() int { return helper() }\n");
    write("pkg/a_test.go", "package pkg\n\nfunc helper() int { return A() }\n");
    open();

    assertThat(call("impact_analysis", Map.of("files", List.of("pkg/a_test.go"))))
        .contains("0 dependent files");
    assertThat(call("impact_analysis", Map.of("files", List.of("pkg/a.go"))))
        .contains("1 dependent files, 1 tests");
  }

  @Test
  void securityScanNamesTheLanguagesItHasNoRulesFor() throws IOException {
    write("lib/shell.rb", "def run(cmd)\n  `#{cmd}`\nend\n");
    write("app/run.py", "import os\n\ndef run(cmd):\n    os.system(cmd)\n");
    open();

    String scan = call("security_scan", Map.of());

    assertThat(scan)
        .startsWith("1 findings in 2 files (1 high); secrets were looked for in every file")
        .containsPattern("\\.py \\(1 file\\): checked [A-Za-z, ]*shell commands")
        .containsPattern(
            "\\.rb \\(1 file\\): checked [A-Za-z, ]+; no rules for [A-Za-z, ]*shell commands")
        .doesNotContain("(none)");
  }

  @Test
  void exploreSummarisesARubyFileByItsCommentNotItsMagicComment() throws IOException {
    write(
        "lib/shell.rb",
        "# frozen_string_literal: true\n\n# Runs shell commands for the build.\nmodule Shell\n"
            + "  def self.run(cmd)\n    system(cmd)\n  end\nend\n");
    open();

    assertThat(call("explore_codebase", Map.of("path", "lib")))
        .contains("Runs shell commands for the build")
        .doesNotContain("frozen_string_literal");
  }

  @Test
  void rubyMixinsAndAutoloadsAreDependencies() throws IOException {
    write("lib/greeting.rb", "module Greeting\n  def greet\n    'hi'\n  end\nend\n");
    write("lib/shop/logging.rb", "module Shop\n  module Logging\n  end\nend\n");
    write("lib/parser.rb", "class Parser\nend\n");
    write(
        "lib/app.rb",
        "autoload :Parser, 'parser'\n\nclass App\n  include Greeting\n  extend Shop::Logging\n"
            + "  include Comparable\nend\n");
    open();

    assertThat(call("dependency_graph", Map.of("path", "lib/greeting.rb")))
        .contains("imported by (1):")
        .contains("lib/app.rb");
    assertThat(call("dependency_graph", Map.of("path", "lib/app.rb")))
        .contains("lib/greeting.rb")
        .contains("lib/shop/logging.rb")
        .contains("lib/parser.rb");
  }

  @Test
  void conventionsDoNotClaimTestsWhereThereAreNone() throws IOException {
    write("lib/shell.rb", "def run(cmd)\n  system(cmd)\nend\n");
    open();

    assertThat(call("conventions", Map.of()))
        .contains("tests none found")
        .doesNotContain("beside the code");
  }
}
