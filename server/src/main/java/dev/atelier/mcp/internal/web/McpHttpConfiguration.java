package dev.atelier.mcp.internal.web;

import dev.atelier.audit.AuditEvent;
import dev.atelier.audit.AuditLog;
import dev.atelier.chat.ChatTools;
import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.mcp.McpHttpServer;
import dev.atelier.mcp.NamedRepositoryScope;
import dev.atelier.mcp.TeamScope;
import dev.atelier.mcp.TeamTool;
import dev.atelier.mcp.ToolCatalog;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.AtelierVersion;
import dev.atelier.platform.Caller;
import dev.atelier.platform.PlatformError;
import dev.atelier.platform.Role;
import dev.atelier.repos.ReposError;
import dev.atelier.repos.Repository;
import io.modelcontextprotocol.common.McpTransportContext;
import jakarta.servlet.http.HttpServlet;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Mounts MCP over streamable HTTP at {@code /mcp} (behind the one authentication chain of the
 * identity module), with the tools of {@link ToolCatalog} scoped by their {@code repository}
 * argument.
 */
@Configuration(proxyBeanMethods = false)
class McpHttpConfiguration {

  @Bean
  ToolCatalog toolCatalog() {
    return ToolCatalog.standard();
  }

  /**
   * Each call runs as the request's caller: in its org (a repository of another org is not found)
   * and, when the tool changes something, with an audit row.
   */
  @Bean(destroyMethod = "close")
  McpHttpServer mcpHttpServer(
      ToolCatalog catalog,
      CodeIntelligence core,
      AtelierSettings settings,
      ApplicationEventPublisher events,
      ChatTools chat,
      AuditLog audit) {
    Supplier<Repository> workspace = workspace(core, settings);
    NamedRepositoryScope schema = new NamedRepositoryScope(core, Caller.LOCAL_ORG, workspace);
    ToolCatalog.CallScopes scopes =
        (context, tool, arguments) -> {
          Caller caller = (Caller) context.get(CALLER);
          if (caller == null) {
            throw new AtelierException(PlatformError.UNAUTHENTICATED, "sign in first");
          }
          if (!catalog.tool(tool).readOnly() && caller.role() == Role.VIEWER) {
            throw new AtelierException(
                PlatformError.FORBIDDEN, "a viewer may not call " + tool + ": it changes data");
          }
          // A team tool audits its own change, as its REST endpoint does: one row, not two.
          if (!catalog.tool(tool).readOnly() && !(catalog.tool(tool) instanceof TeamTool)) {
            events.publishEvent(
                new AuditEvent(
                        caller.orgId(),
                        "mcp",
                        null,
                        "tool:" + tool,
                        Map.of(),
                        Map.of("arguments", arguments))
                    .by(caller.userId()));
          }
          TeamScope team = new TeamScope(caller, chat, audit);
          return TeamScope.with(
              new NamedRepositoryScope(
                  core,
                  caller.orgId(),
                  caller.orgId() == Caller.LOCAL_ORG
                      ? workspace
                      : () -> {
                        throw new AtelierException(
                            ReposError.REPOSITORY_NOT_FOUND, "name a repository (id or name)");
                      }),
              () -> team);
        };
    return new McpHttpServer(
        AtelierVersion.current().version(),
        catalog.specifications(schema, scopes),
        settings.maxRequestBytes(),
        request -> McpTransportContext.create(Map.of(CALLER, Caller.current())));
  }

  private static final String CALLER = "atelier.caller";

  /** Sessions end as soon as the server begins to stop, before it waits for open requests. */
  @Bean
  ApplicationListener<ContextClosedEvent> mcpSessionsEnd(McpHttpServer server) {
    return closed -> server.close();
  }

  @Bean
  ServletRegistrationBean<HttpServlet> mcpServlet(McpHttpServer server) {
    ServletRegistrationBean<HttpServlet> registration =
        new ServletRegistrationBean<>(server.servlet(), McpHttpServer.PATH);
    registration.setName("mcp");
    registration.setAsyncSupported(true);
    registration.setLoadOnStartup(1);
    return registration;
  }

  /** Refusals of MCP over HTTP stay JSON-RPC errors without stack traces; too large is 413. */
  @Bean
  FilterRegistrationBean<McpErrorFilter> mcpErrorFilter(AtelierSettings settings) {
    FilterRegistrationBean<McpErrorFilter> registration =
        new FilterRegistrationBean<>(new McpErrorFilter(settings.maxRequestBytes()));
    registration.addUrlPatterns(McpHttpServer.PATH, McpHttpServer.PATH + "/*");
    return registration;
  }

  /** The repository {@code serve} registers for its folder: calls that name none use it. */
  private static Supplier<Repository> workspace(CodeIntelligence core, AtelierSettings settings) {
    return () -> {
      if (!Files.isDirectory(settings.workspace())) {
        throw new AtelierException(
            ReposError.REPOSITORY_NOT_FOUND,
            "this server has no workspace folder; name a repository (id or name)");
      }
      return core.workingTree(settings.workspace());
    };
  }
}
