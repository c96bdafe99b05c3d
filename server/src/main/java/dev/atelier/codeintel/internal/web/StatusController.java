package dev.atelier.codeintel.internal.web;

import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.codeintel.EmbeddingProgress;
import dev.atelier.codeintel.EmbeddingWorker;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** How far the background work behind search has come: text index and embeddings. */
@RestController
@Tag(name = "index", description = "Background indexing status")
class StatusController {

  private static final long ORG = CodeIntelligence.LOCAL_ORG;

  private final CodeIntelligence core;
  private final @Nullable EmbeddingWorker embeddings;

  StatusController(CodeIntelligence core, ObjectProvider<EmbeddingWorker> embeddings) {
    this.core = core;
    this.embeddings = embeddings.getIfAvailable();
  }

  /** Background status: blobs awaiting the text index, chunks embedded of all. */
  record IndexStatus(
      long textIndexPending, boolean embeddingsEnabled, EmbeddingProgress embeddings) {}

  @GetMapping("/api/index/status")
  @Operation(summary = "Text index backlog and embedding progress (semantic search coverage)")
  IndexStatus status() {
    EmbeddingProgress progress =
        embeddings == null ? new EmbeddingProgress(0, 0, 0) : embeddings.progress(ORG);
    return new IndexStatus(core.indexer().textIndexPending(ORG), embeddings != null, progress);
  }
}
