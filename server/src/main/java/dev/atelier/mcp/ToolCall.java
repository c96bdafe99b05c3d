package dev.atelier.mcp;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.repos.Branch;
import dev.atelier.repos.Repository;

/**
 * One call of a tool, scoped to an indexed branch of one repository: every query a tool makes
 * passes {@code repository.orgId()} and {@code branch.id()}.
 */
public record ToolCall(
    CodeIntelligence core, Repository repository, Branch branch, ToolArguments arguments) {

  public ToolCall {
    requireNonNull(core, "core is null");
    requireNonNull(repository, "repository is null");
    requireNonNull(branch, "branch is null");
    requireNonNull(arguments, "arguments is null");
  }

  public long orgId() {
    return repository.orgId();
  }

  /** The output budget the caller asked for ({@code max_tokens}), or the tool's default. */
  public TextBudget budget(int defaultTokens) {
    return new TextBudget(arguments.maxTokens(defaultTokens));
  }
}
