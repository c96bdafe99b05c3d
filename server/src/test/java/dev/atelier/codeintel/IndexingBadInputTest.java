package dev.atelier.codeintel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.platform.AtelierSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile trees through the real parser and a real SQLite file: each gives a clear outcome. */
class IndexingBadInputTest {

  @TempDir Path tree;
  @TempDir Path data;

  private IndexSummary index() throws InterruptedException {
    try (CodeIntelligence core =
        CodeIntelligence.open(AtelierSettings.local(tree).withDataDir(data), 2)) {
      return core.indexWorkingTree(tree, IndexListener.NONE);
    }
  }

  @Test
  void invalidUtf8IsIndexedWithWhatParsesAroundIt() throws Exception {
    byte[] prefix =
        "class Broken {\n  void before() {}\n  String s = \"".getBytes(StandardCharsets.UTF_8);
    byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF};
    byte[] suffix = "\";\n  void after() {}\n}\n".getBytes(StandardCharsets.UTF_8);
    byte[] content = new byte[prefix.length + bad.length + suffix.length];
    System.arraycopy(prefix, 0, content, 0, prefix.length);
    System.arraycopy(bad, 0, content, prefix.length, bad.length);
    System.arraycopy(suffix, 0, content, prefix.length + bad.length, suffix.length);
    Files.write(tree.resolve("Broken.java"), content);

    IndexSummary summary = index();

    assertThat(summary.files()).isEqualTo(1);
    assertThat(summary.symbols()).as("class, before, s, after").isGreaterThanOrEqualTo(3);
    try (CodeIntelligence core =
        CodeIntelligence.open(AtelierSettings.local(tree).withDataDir(data), 1)) {
      var repo = core.workingTree(tree);
      assertThat(core.search().symbols(repo, repo.defaultBranch(), "after", Set.of(), 5))
          .extracting(SymbolHit::name)
          .contains("after");
    }
  }

  @Test
  void deepFoldersAndDeeplyNestedCodeDoNotOverflow() throws Exception {
    Path deep = tree;
    for (int i = 0; i < 120; i++) {
      deep = deep.resolve("d" + i);
    }
    Files.createDirectories(deep);
    Files.writeString(deep.resolve("leaf.py"), "def leaf():\n    return 1\n");
    StringBuilder nested = new StringBuilder("function outer() { return ");
    nested.append("[".repeat(20_000)).append("]".repeat(20_000)).append("; }\n");
    Files.writeString(tree.resolve("nested.js"), nested);

    IndexSummary summary = index();

    assertThat(summary.files()).isEqualTo(2);
    assertThat(summary.symbols()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void syntaxErrorsKeepWhatTreeSitterRecovers() throws Exception {
    Files.writeString(
        tree.resolve("half.go"),
        "package half\n\nfunc Good() int { return 1 }\n\nfunc Broken( {\n\nfunc AlsoGood() {}\n");

    IndexSummary summary = index();

    assertThat(summary.syntaxErrors()).isEqualTo(1);
    assertThat(summary.symbols()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void indexesAGitRevisionWithoutCheckingItOut() throws Exception {
    try (org.eclipse.jgit.api.Git git =
        org.eclipse.jgit.api.Git.init()
            .setDirectory(tree.toFile())
            .setInitialBranch("main")
            .call()) {
      Files.writeString(tree.resolve("Old.java"), "class Old { void legacy() {} }\n");
      git.add().addFilepattern(".").call();
      git.commit().setMessage("first").setAuthor("t", "t@example.org").setSign(false).call();
      Files.writeString(tree.resolve("New.java"), "class New { void fresh() {} }\n");
      git.add().addFilepattern(".").call();
      git.commit().setMessage("second").setAuthor("t", "t@example.org").setSign(false).call();
      Files.writeString(tree.resolve("Uncommitted.java"), "class Uncommitted {}\n");
    }
    try (CodeIntelligence core =
        CodeIntelligence.open(AtelierSettings.local(tree).withDataDir(data), 2)) {
      IndexSummary older = core.indexGitRevision(tree, "main~1", IndexListener.NONE);
      IndexSummary head = core.indexGitRevision(tree, "main", IndexListener.NONE);

      assertThat(older.files()).isEqualTo(1);
      assertThat(older.branch()).isEqualTo("main~1");
      assertThat(head.files()).as("committed files only, no checkout").isEqualTo(2);
      assertThat(head.parsedFiles()).as("Old.java's content was parsed for main~1").isEqualTo(1);
      var repo = core.workingTree(tree);
      assertThat(core.search().symbols(repo, "main~1", "fresh", Set.of(), 5)).isEmpty();
      assertThat(core.search().symbols(repo, "main", "fresh", Set.of(), 5))
          .extracting(SymbolHit::qualifiedName)
          .containsExactly("New.fresh");
    }
  }

  @Test
  void reindexingAfterAFailedRunNeedsNothingButTheChangedFiles() throws Exception {
    Files.writeString(tree.resolve("A.java"), "class A { void a() {} }\n");
    IndexSummary first = index();
    IndexSummary second = index();
    assertThat(first.parsedFiles()).isEqualTo(1);
    assertThat(second.parsedFiles()).isZero();
    assertThat(second.symbols()).isEqualTo(first.symbols());
  }
}
