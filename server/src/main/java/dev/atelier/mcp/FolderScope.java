package dev.atelier.mcp;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.codeintel.IndexListener;
import dev.atelier.repos.BranchState;
import dev.atelier.repos.Repository;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The one working tree that {@code atelier mcp} and {@code atelier tool} serve. The core opens, and
 * the first time the tree is indexed, on the first call, so {@code initialize} stays fast.
 */
public final class FolderScope implements ToolScope {

  private final Supplier<CodeIntelligence> core;
  private final Path folder;

  public FolderScope(Supplier<CodeIntelligence> core, Path folder) {
    this.core = requireNonNull(core, "core is null");
    this.folder = requireNonNull(folder, "folder is null");
  }

  @Override
  public ToolCall open(ToolArguments arguments) {
    CodeIntelligence intelligence = core.get();
    Repository repository = indexed(intelligence);
    return new ToolCall(
        intelligence, repository, ToolScope.branch(intelligence, repository, arguments), arguments);
  }

  // Calls may arrive together; the first one registers and indexes, the others wait for it.
  private synchronized Repository indexed(CodeIntelligence intelligence) {
    Repository repository = intelligence.workingTree(folder);
    boolean ready =
        intelligence
            .repos()
            .branches()
            .find(repository.orgId(), repository.id(), repository.defaultBranch())
            .map(b -> b.manifestId() != null && b.state() != BranchState.NEW)
            .orElse(false);
    if (!ready) {
      try {
        intelligence.indexWorkingTree(folder, IndexListener.NONE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while indexing", e);
      }
    }
    return repository;
  }
}
