package dev.atelier.mcp.internal.web;

import dev.atelier.audit.AuditEvent;
import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.mcp.ToolAnswer;
import dev.atelier.mcp.ToolCatalog;
import dev.atelier.mcp.ToolScope;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Caller;
import dev.atelier.platform.PlatformError;
import dev.atelier.platform.Role;
import dev.atelier.repos.ReposError;
import dev.atelier.repos.Repository;
import dev.atelier.repos.RepositoryId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The MCP tools over REST: the same catalog, arguments and answers as {@code /mcp}. */
@RestController
@Tag(
    name = "tools",
    description = "The code-intelligence tools of the MCP server, called over REST")
class ToolController {

  // Local mode has one org; service mode scopes by the caller's org once identity lands.
  // The org of every query here is the caller's (the request's tenancy context).
  private static long org() {
    return Caller.current().orgId();
  }

  private final ToolCatalog catalog;
  private final CodeIntelligence core;
  private final ApplicationEventPublisher events;

  ToolController(ToolCatalog catalog, CodeIntelligence core, ApplicationEventPublisher events) {
    this.catalog = catalog;
    this.core = core;
    this.events = events;
  }

  /** A tool as MCP lists it: its name, what it answers and the JSON Schema of its arguments. */
  record ToolView(String name, String description, Map<String, Object> inputSchema) {}

  @GetMapping(path = "/api/tools", produces = "application/json")
  @Operation(summary = "The tools, with their descriptions and argument schemas")
  List<ToolView> tools() {
    return catalog.tools().stream()
        .map(tool -> new ToolView(tool.name(), tool.description(), catalog.inputSchema(tool)))
        .toList();
  }

  @PostMapping(path = "/api/repos/{id}/tools/{name}", produces = "application/json")
  @Operation(
      summary = "Call a tool on a repository",
      description =
          "The body is the tool's arguments as a JSON object (see GET /api/tools); the answer is"
              + " the tool's text (with path:line anchors) and its structured content. Bad"
              + " arguments are 400 problems (invalid-tool-argument), unknown tools 404.")
  @ApiResponse(responseCode = "200", description = "The tool's answer")
  @ApiResponse(
      responseCode = "400",
      description = "A missing or invalid argument (invalid-tool-argument)",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "404",
      description = "No such tool (unknown-tool), repository or indexed branch",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = ProblemDetail.class)))
  ToolAnswer call(
      @PathVariable long id,
      @PathVariable @Parameter(description = "a tool name, e.g. search_symbols") String name,
      @RequestBody(required = false) @Nullable Map<String, Object> arguments) {
    Repository repository = repository(id);
    if (!catalog.tool(name).readOnly() && !Caller.current().role().atLeast(Role.MEMBER)) {
      throw new AtelierException(
          PlatformError.FORBIDDEN, "a viewer (or a read-only key) may not call " + name);
    }
    Map<String, Object> given = arguments == null ? Map.of() : arguments;
    ToolAnswer answer = catalog.call(name, given, ToolScope.of(core, repository));
    if (!catalog.tool(name).readOnly()) {
      events.publishEvent(
          new AuditEvent(
              org(),
              "repository",
              Long.toString(id),
              "tool:" + name,
              Map.of(),
              Map.of("arguments", given)));
    }
    return answer;
  }

  private Repository repository(long id) {
    if (id <= 0) {
      throw new AtelierException(ReposError.REPOSITORY_NOT_FOUND, "no repository with id " + id);
    }
    return core.repos().repositories().require(org(), new RepositoryId(id));
  }
}
