package dev.atelier.mcp;

import dev.atelier.platform.ErrorCode;

/** Error codes of the tools (shared by MCP, REST and the CLI). */
public enum McpError implements ErrorCode {
  UNKNOWN_TOOL("unknown-tool", 404, "No such tool"),
  INVALID_ARGUMENT("invalid-tool-argument", 400, "Invalid tool argument"),
  NEEDS_CALLER("tool-needs-caller", 400, "The tool acts for a caller; call it over MCP");

  private final Spec spec;

  McpError(String code, int httpStatus, String title) {
    this.spec = new Spec(code, httpStatus, title);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
