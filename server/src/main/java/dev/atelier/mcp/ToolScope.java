package dev.atelier.mcp;

import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.platform.AtelierException;
import dev.atelier.repos.Branch;
import dev.atelier.repos.BranchState;
import dev.atelier.repos.ReposError;
import dev.atelier.repos.Repository;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a call runs: which repository and which of its indexed branches. The stdio server and the
 * CLI serve one folder; REST and HTTP name the repository.
 */
@FunctionalInterface
public interface ToolScope {

  /** The repository and branch this call is about, from its {@code branch} argument if any. */
  ToolCall open(ToolArguments arguments);

  /**
   * JSON Schema properties of the arguments this scope reads besides {@code branch} (e.g. {@code
   * repository} over HTTP), added to every tool's schema where the scope serves it.
   */
  default Map<String, Object> arguments() {
    return Map.of();
  }

  /**
   * Who a {@link TeamTool} call acts for; scopes without a caller (REST on a repository, {@code
   * atelier tool}) answer that the tool needs one.
   */
  default TeamCall team(ToolArguments arguments) {
    throw new AtelierException(
        McpError.NEEDS_CALLER,
        "the chat and audit tools answer over MCP (atelier mcp, or /mcp of atelier serve), where"
            + " a caller is known");
  }

  /** A fixed repository of an open core, e.g. the one a REST path names. */
  static ToolScope of(CodeIntelligence core, Repository repository) {
    return arguments ->
        new ToolCall(core, repository, branch(core, repository, arguments), arguments);
  }

  /**
   * The branch the call names ({@code branch}), or the repository's default; it must have a
   * complete manifest.
   */
  static Branch branch(CodeIntelligence core, Repository repository, ToolArguments arguments) {
    String name = arguments.string("branch", repository.defaultBranch());
    return core.repos()
        .branches()
        .find(repository.orgId(), repository.id(), name)
        .filter(b -> b.manifestId() != null && b.state() != BranchState.NEW)
        .orElseThrow(() ->
            new AtelierException(
                ReposError.BRANCH_NOT_FOUND,
                "branch '"
                    + name
                    + "' of "
                    + repository.name()
                    + " is not indexed; indexed: "
                    + core.repos().branches().list(repository.orgId(), repository.id()).stream()
                        .filter(b -> b.manifestId() != null)
                        .map(Branch::name)
                        .collect(Collectors.joining(", "))));
  }
}
