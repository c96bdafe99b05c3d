package dev.atelier.codeintel.internal.web;

import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.codeintel.EmbeddingProgress;
import dev.atelier.codeintel.EmbeddingWorker;
import dev.atelier.codeintel.TextIndexBacklog;
import dev.atelier.platform.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** How far the background work behind search has come: text index and embeddings. */
@RestController
@Tag(name = "index", description = "Background indexing status")
class StatusController {

  // The org of every query here is the caller's (the request's tenancy context).
  private static long org() {
    return Caller.current().orgId();
  }

  private final CodeIntelligence core;
  private final @Nullable EmbeddingWorker embeddings;

  StatusController(CodeIntelligence core, ObjectProvider<EmbeddingWorker> embeddings) {
    this.core = core;
    this.embeddings = embeddings.getIfAvailable();
  }

  /**
   * Background status: blobs awaiting the text index, chunks embedded of all for the org, and the
   * same per repository (an org-wide figure hides a large repository behind a small finished one).
   */
  record IndexStatus(
      long textIndexPending,
      boolean embeddingsEnabled,
      EmbeddingProgress embeddings,
      List<RepositoryStatus> repositories) {}

  /**
   * One repository's background coverage: its text index backlog and its semantic-search coverage;
   * {@code semanticReady} only when embeddings are on and every core chunk (code outside tests) of
   * its current branches has a vector.
   */
  record RepositoryStatus(
      long repository,
      TextIndexBacklog textIndex,
      EmbeddingProgress embeddings,
      boolean semanticReady) {}

  @GetMapping("/api/index/status")
  @Operation(
      summary =
          "Text index backlog and embedding progress (semantic search coverage), per repository")
  IndexStatus status() {
    long org = org();
    EmbeddingProgress progress =
        embeddings == null ? new EmbeddingProgress(0, 0, 0) : embeddings.progress(org);
    Map<Long, EmbeddingProgress> coverage = core.embeddingCoverage(org);
    Map<Long, TextIndexBacklog> backlog = core.textIndexBacklog(org);
    Set<Long> ids = new TreeSet<>(backlog.keySet());
    ids.addAll(coverage.keySet());
    List<RepositoryStatus> repositories =
        ids.stream()
            .map(id -> {
              EmbeddingProgress covered = coverage.get(id);
              return new RepositoryStatus(
                  id,
                  backlog.getOrDefault(id, new TextIndexBacklog(0, 0)),
                  covered == null ? new EmbeddingProgress(0, 0, 0) : covered,
                  embeddings != null && covered != null && covered.coreComplete());
            })
            .toList();
    return new IndexStatus(
        core.indexer().textIndexPending(org), embeddings != null, progress, repositories);
  }
}
