package dev.atelier.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.codeintel.IndexListener;
import dev.atelier.platform.AtelierSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agents keep calling while the index is rebuilt: each call answers from the last complete manifest
 * (or the new one), never with an error, and nothing hangs.
 */
class ToolCallsDuringReindexTest {

  @TempDir Path tree;
  @TempDir Path data;

  @Test
  void callsDuringAReindexAnswerFromACompleteManifest() throws Exception {
    for (int i = 0; i < 300; i++) {
      write(i, "v1");
    }
    try (CodeIntelligence core =
        CodeIntelligence.open(AtelierSettings.local(tree).withDataDir(data), 2)) {
      ToolCatalog catalog = ToolCatalog.standard();
      ToolScope scope = new FolderScope(() -> core, tree);
      catalog.call("symbols", Map.of("path", "src/Unit0.java"), scope); // first index
      for (int i = 0; i < 300; i++) {
        write(i, "v2");
      }
      AtomicBoolean indexing = new AtomicBoolean(true);
      ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<String> versions = new ConcurrentLinkedQueue<>();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        assertTimeoutPreemptively(
            Duration.ofMinutes(2),
            () -> {
              List<Future<?>> callers = new ArrayList<>();
              for (int t = 0; t < 3; t++) {
                int caller = t;
                callers.add(
                    pool.submit(() -> {
                      int n = 0;
                      while (indexing.get() || n < 5) {
                        int unit = (caller * 97 + n++) % 300;
                        try {
                          versions.add(
                              catalog
                                  .call(
                                      "search_symbols", Map.of("query", "unit" + unit + "V"), scope)
                                  .text());
                          catalog.call("cross_references", Map.of("symbol", "Unit" + unit), scope);
                          catalog.call(
                              "symbols", Map.of("path", "src/Unit" + unit + ".java"), scope);
                        } catch (RuntimeException e) {
                          failures.add(e.toString());
                        }
                      }
                    }));
              }
              core.indexWorkingTree(tree, IndexListener.NONE);
              indexing.set(false);
              for (Future<?> caller : callers) {
                caller.get();
              }
            });
      } finally {
        pool.shutdownNow();
      }
      assertThat(failures).isEmpty();
      assertThat(versions).allSatisfy(text -> assertThat(text).containsAnyOf("V1", "V2"));
      assertThat(catalog.call("search_symbols", Map.of("query", "unit7V"), scope).text())
          .contains("unit7V2");
    }
  }

  private void write(int i, String version) throws Exception {
    Path file = tree.resolve("src/Unit" + i + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "package demo;\n\npublic class Unit"
            + i
            + " {\n  int unit"
            + i
            + version.toUpperCase()
            + "() { return new Unit"
            + ((i + 1) % 300)
            + "().hashCode(); }\n}\n");
  }
}
