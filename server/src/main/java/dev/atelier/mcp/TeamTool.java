package dev.atelier.mcp;

import dev.atelier.platform.AtelierException;

/**
 * A tool about the team rather than a repository (chat, the audit trail): it runs as the caller,
 * takes no {@code repository} or {@code branch}, and audits its own writes like the REST endpoint
 * it mirrors (so the MCP server adds no row of its own).
 */
public interface TeamTool extends AgentTool {

  ToolAnswer call(TeamCall call);

  @Override
  default ToolAnswer answer(ToolArguments arguments, ToolScope scope) {
    return call(scope.team(arguments));
  }

  /** A repository's scope has no caller to act for. */
  @Override
  default ToolAnswer call(ToolCall call) {
    throw new AtelierException(
        McpError.NEEDS_CALLER, name() + " acts for a caller in chat, not on a repository");
  }
}
