package dev.atelier.mcp;

/**
 * One tool of seed 000: a name an assistant calls, the arguments it takes and what it answers. The
 * same tool serves MCP (stdio and HTTP), REST and {@code atelier tool}.
 */
public interface AgentTool {

  /** The name exactly as seed 000 spells it, e.g. {@code search_symbols}. */
  String name();

  /** What the tool answers, written for the agent that picks it. */
  String description();

  /**
   * Whether the tool only reads (most do); tools that record something say false, so clients can
   * ask before calling them.
   */
  default boolean readOnly() {
    return true;
  }

  /** The tool's own arguments; {@link ToolCatalog} adds {@code repository} and {@code branch}. */
  InputSchema schema();

  /**
   * Answers one call. Bad arguments throw {@link dev.atelier.platform.AtelierException} with {@link
   * McpError#INVALID_ARGUMENT} (see {@link ToolArguments}); callers turn it into a tool error.
   */
  ToolAnswer call(ToolCall call);

  /** Answers a call in a scope: a code tool opens the repository and branch it names. */
  default ToolAnswer answer(ToolArguments arguments, ToolScope scope) {
    return call(scope.open(arguments));
  }
}
