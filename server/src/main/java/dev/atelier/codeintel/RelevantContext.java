package dev.atelier.codeintel;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.internal.retrieval.ContextAssembler;
import dev.atelier.codeintel.internal.retrieval.Retriever;
import dev.atelier.platform.AtelierException;
import dev.atelier.repos.Branch;
import dev.atelier.repos.Repository;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The files, symbols and snippets that matter for a task: semantic-search hits, expanded through
 * the code graph (imports, importers, callers and callees of the best symbols) and around the seed
 * files the caller names, ranked, with snippets fitted to a token budget.
 */
public final class RelevantContext {

  public static final int MAX_SEEDS = 50;

  private final ContextAssembler assembler;

  public RelevantContext(Retriever retriever, CodeGraph graph) {
    this.assembler =
        new ContextAssembler(
            requireNonNull(retriever, "retriever is null"), requireNonNull(graph, "graph is null"));
  }

  /**
   * What context to gather.
   *
   * @param task the task, in words
   * @param seedFiles repository-relative files the caller already knows matter
   * @param maxTokens the budget for all snippets and lines (estimated at 4 characters a token)
   * @param useVectors whether embedded chunks may take part
   */
  public record Request(String task, List<String> seedFiles, int maxTokens, boolean useVectors) {
    public Request {
      requireNonNull(task, "task is null");
      seedFiles = List.copyOf(seedFiles);
      if (task.isBlank() || task.length() > SemanticSearch.MAX_QUERY_CHARS) {
        throw new AtelierException(
            CodeIntelError.INVALID_QUERY,
            "a task needs 1 to " + SemanticSearch.MAX_QUERY_CHARS + " characters");
      }
      if (seedFiles.size() > MAX_SEEDS) {
        throw new AtelierException(
            CodeIntelError.INVALID_QUERY, "at most " + MAX_SEEDS + " seed files");
      }
      if (maxTokens < 1) {
        throw new AtelierException(CodeIntelError.INVALID_QUERY, "maxTokens must be positive");
      }
    }
  }

  /**
   * Lines of a file worth reading for the task.
   *
   * @param line 1-based first line
   * @param endLine 1-based last line shown
   * @param symbol the definition there, if any
   * @param kind its kind, if any
   * @param text the lines themselves (possibly shortened to the budget)
   */
  public record Snippet(
      int line, int endLine, @Nullable String symbol, @Nullable SymbolKind kind, String text) {}

  /**
   * A file of the context.
   *
   * @param path repository-relative
   * @param score relevance (only the order means something)
   * @param reason why it is here: "search", "seed", or the graph edge that brought it, e.g.
   *     "imported by a/B.java"
   * @param snippets its lines worth reading, best first (none once the budget is spent)
   */
  public record ContextFile(String path, double score, String reason, List<Snippet> snippets) {}

  /**
   * The context, best first.
   *
   * @param files the files with their snippets
   * @param omittedFiles relevant files left out by the budget
   * @param usedTokens the estimated tokens of the files' paths, reasons and snippets
   */
  public record Context(
      List<ContextFile> files,
      int omittedFiles,
      int usedTokens,
      SemanticSearch.Coverage coverage) {}

  public Context assemble(Repository repository, Branch branch, Request request) {
    return assembler.assemble(
        repository.orgId(),
        branch.id(),
        SemanticSearch.manifest(repository, branch).value(),
        request);
  }
}
