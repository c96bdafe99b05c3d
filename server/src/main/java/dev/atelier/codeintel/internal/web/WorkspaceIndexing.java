package dev.atelier.codeintel.internal.web;

import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.repos.BranchChanges;
import dev.atelier.repos.ChangeDebouncer;
import dev.atelier.repos.Repository;
import java.nio.file.Files;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code serve PATH} registers PATH as a repository and asks for a full index once the server
 * answers. It goes through the debouncer like every other change, so it never races the watcher; a
 * restart re-parses only content that changed while the server was down.
 */
@Component
class WorkspaceIndexing {

  private final CodeIntelligence core;
  private final AtelierSettings settings;
  private final ChangeDebouncer debouncer;

  WorkspaceIndexing(CodeIntelligence core, AtelierSettings settings, ChangeDebouncer debouncer) {
    this.core = core;
    this.settings = settings;
    this.debouncer = debouncer;
  }

  @EventListener(ApplicationReadyEvent.class)
  void indexWorkspace() {
    if (Files.isDirectory(settings.workspace())) {
      Repository repository = core.workingTree(settings.workspace());
      debouncer.submit(
          BranchChanges.full(repository.orgId(), repository.id(), repository.defaultBranch()));
    }
  }
}
