package dev.atelier.codeintel.internal.web;

import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.codeintel.IndexListener;
import dev.atelier.codeintel.IndexSummary;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.repos.Repository;
import java.nio.file.Files;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code serve PATH} registers PATH as a repository and indexes it in the background once the
 * server answers; a restart re-parses only what changed while it was down (blobs already parsed are
 * reused).
 */
@Component
class WorkspaceIndexing implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(WorkspaceIndexing.class);

  private final CodeIntelligence core;
  private final AtelierSettings settings;
  private final IndexListener listener;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().name("atelier-index").daemon().factory());

  WorkspaceIndexing(CodeIntelligence core, AtelierSettings settings, IndexListener listener) {
    this.core = core;
    this.settings = settings;
    this.listener = listener;
  }

  @EventListener(ApplicationReadyEvent.class)
  void indexWorkspace() {
    if (!Files.isDirectory(settings.workspace())) {
      return;
    }
    worker.execute(this::run);
  }

  private void run() {
    try {
      Repository repository = core.workingTree(settings.workspace());
      IndexSummary summary = core.indexWorkingTree(settings.workspace(), listener);
      log.info(
          "Indexed {} ({}): {} files, {} symbols, {} new in {} ms",
          repository.name(),
          summary.branch(),
          summary.files(),
          summary.symbols(),
          summary.parsedFiles(),
          summary.millis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.warn("Indexing {} failed: {}", settings.workspace(), e.getMessage(), e);
    }
  }

  @Override
  public void destroy() {
    worker.shutdownNow();
  }
}
