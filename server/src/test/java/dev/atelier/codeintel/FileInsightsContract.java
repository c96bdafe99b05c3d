package dev.atelier.codeintel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.platform.Database;
import dev.atelier.repos.Branch;
import dev.atelier.repos.Repository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * File insights on a real index and a real git history; the subclasses pick SQLite or PostgreSQL
 * (the file rows, the graph version and the chunk vectors are read with each dialect's SQL).
 */
abstract class FileInsightsContract {

  @TempDir Path tree;

  private Database database;
  private CodeIntelligence core;
  private Repository repository;
  private Branch branch;

  abstract Database openDatabase() throws Exception;

  @BeforeEach
  void open() throws Exception {
    try (Git git = Git.init().setDirectory(tree.toFile()).setInitialBranch("main").call()) {
      write("orders.py", "def place(order):\n    if order:\n        return 1\n    return 0\n");
      write("billing.py", "from orders import place\n\ndef bill(o):\n    return place(o)\n");
      write("shipping.py", "def ship(order):\n    return order\n");
      commit(git, 1);
      write(
          "orders.py",
          "def place(order):\n    if order and order.ok:\n        return 1\n    return 0\n");
      write("billing.py", "from orders import place\n\ndef bill(o):\n    return place(o) + 1\n");
      commit(git, 2);
      write(
          "orders.py",
          "def place(order):\n    if order and order.ok:\n        return 2\n    return 0\n");
      write("billing.py", "from orders import place\n\ndef bill(o):\n    return place(o) + 2\n");
      commit(git, 3);
    }
    database = openDatabase();
    core = CodeIntelligence.over(database, CodeParsers.create(), 1);
    core.indexWorkingTree(tree, IndexListener.NONE);
    repository = core.workingTree(tree);
    branch =
        core.repos()
            .branches()
            .find(repository.orgId(), repository.id(), repository.defaultBranch())
            .orElseThrow();
  }

  @AfterEach
  void close() {
    core.close();
    database.close();
  }

  @Test
  void ranksHotspotsByChurnComplexityAndFanIn() {
    FileInsights.Hotspots hotspots = core.insights().hotspots(repository, branch, "", 10);

    assertThat(hotspots.churnKnown()).isTrue();
    assertThat(hotspots.files())
        .first()
        .satisfies(h -> {
          assertThat(h.path()).isEqualTo("orders.py");
          assertThat(h.churn().commits()).isEqualTo(3);
          assertThat(h.fanIn()).isEqualTo(1);
          assertThat(h.complexity().cyclomatic()).isEqualTo(3); // def + if + and
        });
  }

  @Test
  void relatesByCoChangeImportsAndEmbeddingSimilarity() {
    embed("orders.py", 1, 0);
    embed("billing.py", 0, 1);
    embed("shipping.py", 0.9f, 0.436f);

    FileInsights.Related related =
        core.insights().related(repository, branch, "orders.py", 5).orElseThrow();

    assertThat(related.embeddings()).startsWith("embedding similarity over 1 embedded chunks");
    assertThat(related.files())
        .extracting(FileInsights.Relation::path)
        .containsExactly("billing.py", "shipping.py");
    assertThat(related.files().get(0).reasons())
        .contains("co-changed in 3 commits (confidence 1.0)")
        .anyMatch(r -> r.startsWith("imports or references it"));
    assertThat(related.files().get(1).reasons()).containsExactly("embedding similarity 0.9");
  }

  @Test
  void analysesAFileWithChurnAndDependents() {
    FileInsights.FileAnalysis analysis =
        core.insights().analyse(repository, branch, "orders.py").orElseThrow();

    assertThat(analysis.language()).isEqualTo("python");
    assertThat(analysis.lines()).isEqualTo(4);
    assertThat(analysis.churn().commits()).isEqualTo(3);
    assertThat(analysis.dependents()).containsExactly("billing.py");
    assertThat(analysis.findings()).extracting(FileInsights.Finding::kind).contains("no-tests");
    assertThat(core.insights().analyse(repository, branch, "nothing.py")).isEmpty();
  }

  /** Gives every chunk of the file the same unit vector (x, y, 0, ...). */
  private void embed(String path, float x, float y) {
    List<Long> chunks =
        JdbcClient.create(database.dataSource())
            .sql(
                "SELECT c.id FROM chunks c JOIN manifest_entries e ON e.org_id = c.org_id"
                    + " AND e.blob_id = c.blob_id WHERE e.org_id = ? AND e.manifest_id = ?"
                    + " AND e.path = ?")
            .params(repository.orgId(), branch.manifestId().value(), path)
            .query(Long.class)
            .list();
    assertThat(chunks).isNotEmpty();
    float[] vector = new float[Embeddings.DIMENSIONS];
    double norm = Math.sqrt(x * x + y * y);
    vector[0] = (float) (x / norm);
    vector[1] = (float) (y / norm);
    Map<Long, float[]> vectors = new HashMap<>();
    chunks.forEach(id -> vectors.put(id, vector));
    try (VectorIndex index = Embeddings.vectorIndex(database)) {
      index.upsert(repository.orgId(), vectors, "test");
    }
  }

  private void write(String path, String content) throws Exception {
    Files.writeString(tree.resolve(path), content);
  }

  private static void commit(Git git, int hour) throws Exception {
    git.add().addFilepattern(".").call();
    PersonIdent who =
        new PersonIdent(
            "dev",
            "dev@example.com",
            Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * hour),
            ZoneOffset.UTC);
    git.commit().setMessage("c" + hour).setAuthor(who).setCommitter(who).call();
  }
}
