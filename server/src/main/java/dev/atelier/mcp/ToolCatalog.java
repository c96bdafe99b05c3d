package dev.atelier.mcp;

import dev.atelier.mcp.tools.BootstrapTool;
import dev.atelier.mcp.tools.CommunityDetectionTool;
import dev.atelier.mcp.tools.ConventionsTool;
import dev.atelier.mcp.tools.CrossReferencesTool;
import dev.atelier.mcp.tools.DependenciesTool;
import dev.atelier.mcp.tools.DependencyGraphTool;
import dev.atelier.mcp.tools.EditMessageTool;
import dev.atelier.mcp.tools.ExploreCodebaseTool;
import dev.atelier.mcp.tools.FileAnalysisTool;
import dev.atelier.mcp.tools.FindRelatedTool;
import dev.atelier.mcp.tools.GetThreadTool;
import dev.atelier.mcp.tools.GraphQueryTool;
import dev.atelier.mcp.tools.HotspotsTool;
import dev.atelier.mcp.tools.ImpactAnalysisTool;
import dev.atelier.mcp.tools.LearningFeedbackTool;
import dev.atelier.mcp.tools.ListAuditTool;
import dev.atelier.mcp.tools.ListChannelsTool;
import dev.atelier.mcp.tools.ListLearningsTool;
import dev.atelier.mcp.tools.LspDefinitionTool;
import dev.atelier.mcp.tools.LspDiagnosticsTool;
import dev.atelier.mcp.tools.LspHoverTool;
import dev.atelier.mcp.tools.LspReferencesTool;
import dev.atelier.mcp.tools.PostMessageTool;
import dev.atelier.mcp.tools.ProjectSummaryTool;
import dev.atelier.mcp.tools.ReadChannelTool;
import dev.atelier.mcp.tools.RecallTool;
import dev.atelier.mcp.tools.RecordLearningTool;
import dev.atelier.mcp.tools.RelevantContextTool;
import dev.atelier.mcp.tools.RepoMapTool;
import dev.atelier.mcp.tools.SearchMessagesTool;
import dev.atelier.mcp.tools.SearchSymbolsTool;
import dev.atelier.mcp.tools.SecurityScanTool;
import dev.atelier.mcp.tools.SemanticSearchTool;
import dev.atelier.mcp.tools.SymbolsTool;
import dev.atelier.platform.AtelierException;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
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
            new ImpactAnalysisTool(),
            new GraphQueryTool(),
            new RepoMapTool(),
            new CommunityDetectionTool(),
            new HotspotsTool(),
            new FindRelatedTool(),
            new FileAnalysisTool(),
            new RecordLearningTool(),
            new RecallTool(),
            new ListLearningsTool(),
            new LearningFeedbackTool(),
            new ConventionsTool(),
            new ProjectSummaryTool(),
            BootstrapTool.standard(),
            new LspDefinitionTool(),
            new LspHoverTool(),
            new LspReferencesTool(),
            new LspDiagnosticsTool(),
            new SecurityScanTool(),
            new DependenciesTool(),
            new ExploreCodebaseTool(),
            new SemanticSearchTool(),
            new RelevantContextTool(),
            new ListChannelsTool(),
            new ReadChannelTool(),
            new GetThreadTool(),
            new PostMessageTool(),
            new EditMessageTool(),
            new SearchMessagesTool(),
            new ListAuditTool()));
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
    return tool.schema().toMap(tool instanceof TeamTool ? Map.of() : SHARED_PROPERTIES);
  }

  /** The tool's JSON Schema as a scope serves it: also the arguments the scope reads. */
  public Map<String, Object> inputSchema(AgentTool tool, ToolScope scope) {
    if (tool instanceof TeamTool) {
      return inputSchema(tool);
    }
    Map<String, Object> shared = new LinkedHashMap<>(scope.arguments());
    shared.putAll(SHARED_PROPERTIES);
    return tool.schema().toMap(shared);
  }

  /** Runs one tool in a scope; errors are exceptions (REST maps them to problems). */
  public ToolAnswer call(String name, Map<String, Object> arguments, ToolScope scope) {
    AgentTool tool = tool(name);
    ToolArguments parsed = ToolArguments.of(arguments);
    return tool.answer(parsed, scope);
  }

  /** The tools as MCP specifications; failures become tool errors an agent can act on. */
  public List<SyncToolSpecification> specifications(ToolScope scope) {
    return specifications(scope, (context, name, arguments) -> scope);
  }

  /** Picks the scope of one call from its transport context (e.g. the caller's org over HTTP). */
  @FunctionalInterface
  public interface CallScopes {
    ToolScope scope(McpTransportContext context, String tool, Map<String, Object> arguments);
  }

  /**
   * The tools as MCP specifications whose calls each get their scope from {@code scopes}; {@code
   * schemaScope} gives the arguments every schema lists.
   */
  public List<SyncToolSpecification> specifications(ToolScope schemaScope, CallScopes scopes) {
    ToolScope scope = schemaScope;
    return tools.values().stream()
        .map(tool ->
            SyncToolSpecification.builder()
                .tool(
                    Tool.builder()
                        .name(tool.name())
                        .title(title(tool.name()))
                        .description(tool.description())
                        .annotations(
                            new ToolAnnotations(
                                title(tool.name()),
                                tool.readOnly(),
                                false,
                                tool.readOnly(),
                                false,
                                null))
                        .inputSchema(inputSchema(tool))
                        .inputSchema(inputSchema(tool, scope))
                        .build())
                .callHandler((exchange, request) -> {
                  Map<String, Object> arguments =
                      request.arguments() == null ? Map.of() : request.arguments();
                  ToolScope callScope;
                  try {
                    callScope = scopes.scope(exchange.transportContext(), tool.name(), arguments);
                  } catch (AtelierException refused) {
                    return error(refused.getMessage());
                  }
                  return mcpResult(tool.name(), arguments, callScope);
                })
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

  /** {@code Search symbols} for {@code search_symbols}. */
  static String title(String name) {
    String words = name.replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static CallToolResult error(@org.jspecify.annotations.Nullable String message) {
    return CallToolResult.builder().addTextContent(String.valueOf(message)).isError(true).build();
  }
}
