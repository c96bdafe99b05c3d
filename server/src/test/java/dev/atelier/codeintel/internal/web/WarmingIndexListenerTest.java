package dev.atelier.codeintel.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.repos.Branch;
import dev.atelier.repos.Repository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarmingIndexListenerTest {

  @TempDir Path tree;
  @TempDir Path data;

  @Test
  void anIndexRunLeavesTheSemanticSearchIndexOfItsManifestBuilt() throws Exception {
    Files.writeString(tree.resolve("hashers.py"), "def hash_password(raw):\n    return raw\n");
    try (CodeIntelligence core =
        CodeIntelligence.open(AtelierSettings.local(tree).withDataDir(data), 1)) {
      Repository repository = core.workingTree(tree);
      AtomicInteger completed = new AtomicInteger();
      try (var warming =
          new WarmingIndexListener(
              core.repos().branches(), core.semanticSearch()::warm, Duration.ZERO)) {
        var listener =
            new dev.atelier.codeintel.IndexListener() {
              @Override
              public void completed(Repository r, dev.atelier.codeintel.IndexSummary summary) {
                completed.incrementAndGet();
              }
            }.andThen(warming);

        core.indexWorkingTree(tree, listener);
        warming.awaitSettled();

        assertThat(completed).hasValue(1);
        Branch branch =
            core.repos()
                .branches()
                .find(repository.orgId(), repository.id(), repository.defaultBranch())
                .orElseThrow();
        assertThat(core.semanticSearch().isWarm(repository, branch)).isTrue();
      }
    }
  }

  @Test
  void aBurstOfRunsWarmsTheBranchOnceItSettles() throws Exception {
    Files.writeString(tree.resolve("a.py"), "def a():\n    return 1\n");
    try (CodeIntelligence core =
        CodeIntelligence.open(AtelierSettings.local(tree).withDataDir(data), 1)) {
      Repository repository = core.workingTree(tree);
      core.indexWorkingTree(tree, dev.atelier.codeintel.IndexListener.NONE);
      java.util.List<Long> warmed = new java.util.concurrent.CopyOnWriteArrayList<>();
      try (var warming =
          new WarmingIndexListener(
              core.repos().branches(),
              (r, b) -> warmed.add(b.manifestId().value()),
              Duration.ofSeconds(2))) {
        for (int i = 0; i < 5; i++) {
          Files.writeString(tree.resolve("a.py"), "def a():\n    return " + i + "\n");
          core.indexWorkingTree(tree, warming);
        }
        warming.awaitSettled();
        Branch branch =
            core.repos()
                .branches()
                .find(repository.orgId(), repository.id(), repository.defaultBranch())
                .orElseThrow();
        assertThat(warmed)
            .as("one build, of the manifest current after the burst")
            .containsExactly(branch.manifestId().value());
      }
    }
  }
}
