package dev.atelier.mcp;

import dev.atelier.mcp.tools.CrossReferencesTool;
import dev.atelier.mcp.tools.DependencyGraphTool;
import dev.atelier.mcp.tools.RelevantContextTool;
import dev.atelier.mcp.tools.SearchSymbolsTool;
import dev.atelier.mcp.tools.SemanticSearchTool;
import dev.atelier.mcp.tools.SymbolsTool;
import dev.atelier.platform.AtelierException;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tools this build answers, in one place for every surface: MCP servers register {@link
 * #specifications}, REST and the CLI use {@link #call}.
 */
public final class ToolCatalog {

  private static final Logger log = LoggerFactory.getLogger(ToolCatalog.class);

  /** Arguments every tool takes, whatever its own schema says. */
  private static final Map<String, Object> SHARED_PROPERTIES =
      Map.of(
          "branch",
          Map.of(
              "type",
              "string",
              "description",
              "an indexed branch (default: the repository's default branch)"));

  private final Map<String, AgentTool> tools = new LinkedHashMap<>();

  public ToolCatalog(List<AgentTool> tools) {
    for (AgentTool tool : tools) {
      if (this.tools.putIfAbsent(tool.name(), tool) != null) {
        throw new IllegalArgumentException("two tools named " + tool.name());
      }
    }
  }

  /** Every tool of this build. */
  public static ToolCatalog standard() {
    return new ToolCatalog(
        List.of(
            new SearchSymbolsTool(),
            new SymbolsTool(),
            new CrossReferencesTool(),
            new DependencyGraphTool(),
            new SemanticSearchTool(),
            new RelevantContextTool()));
  }

  public List<AgentTool> tools() {
    return List.copyOf(tools.values());
  }

  public AgentTool tool(String name) {
    AgentTool tool = tools.get(name);
    if (tool == null) {
      throw new AtelierException(
          McpError.UNKNOWN_TOOL,
          "unknown tool '" + name + "'; the tools are: " + String.join(", ", tools.keySet()));
    }
    return tool;
  }

  /** The tool's JSON Schema, with the shared arguments added. */
  public Map<String, Object> inputSchema(AgentTool tool) {
    return tool.schema().toMap(SHARED_PROPERTIES);
  }

  /** Runs one tool in a scope; errors are exceptions (REST maps them to problems). */
  public ToolAnswer call(String name, Map<String, Object> arguments, ToolScope scope) {
    AgentTool tool = tool(name);
    ToolArguments parsed = ToolArguments.of(arguments);
    return tool.call(scope.open(parsed));
  }

  /** The tools as MCP specifications; failures become tool errors an agent can act on. */
  public List<SyncToolSpecification> specifications(ToolScope scope) {
    return tools.values().stream()
        .map(tool ->
            SyncToolSpecification.builder()
                .tool(
                    Tool.builder()
                        .name(tool.name())
                        .description(tool.description())
                        .inputSchema(inputSchema(tool))
                        .build())
                .callHandler((exchange, request) ->
                    mcpResult(
                        tool.name(),
                        request.arguments() == null ? Map.of() : request.arguments(),
                        scope))
                .build())
        .toList();
  }

  /** One call as an MCP result: the answer, or an error result with a message (never a trace). */
  public CallToolResult mcpResult(String name, Map<String, Object> arguments, ToolScope scope) {
    try {
      ToolAnswer answer = call(name, arguments, scope);
      return CallToolResult.builder()
          .addTextContent(answer.text())
          .structuredContent(answer.structured())
          .build();
    } catch (AtelierException | IllegalArgumentException e) {
      return error(e.getMessage());
    } catch (RuntimeException e) {
      log.warn("tool {} failed", name, e);
      return error(name + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static CallToolResult error(@org.jspecify.annotations.Nullable String message) {
    return CallToolResult.builder().addTextContent(String.valueOf(message)).isError(true).build();
  }
}
