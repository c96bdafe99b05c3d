package dev.atelier.mcp.internal.web;

import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.mcp.AccessToken;
import dev.atelier.mcp.McpHttpServer;
import dev.atelier.mcp.NamedRepositoryScope;
import dev.atelier.mcp.ToolCatalog;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.AtelierVersion;
import dev.atelier.repos.ReposError;
import dev.atelier.repos.Repository;
import jakarta.servlet.http.HttpServlet;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Mounts MCP over streamable HTTP at {@code /mcp} behind {@link McpAccessFilter}, with the tools of
 * {@link ToolCatalog} scoped by their {@code repository} argument.
 */
@Configuration(proxyBeanMethods = false)
class McpHttpConfiguration {

  @Bean
  ToolCatalog toolCatalog() {
    return ToolCatalog.standard();
  }

  /** Made on the first start and kept in the data folder; {@code atelier token} prints it. */
  @Bean
  AccessToken mcpAccessToken(AtelierSettings settings) {
    return AccessToken.loadOrCreate(settings.dataDir());
  }

  @Bean(destroyMethod = "close")
  McpHttpServer mcpHttpServer(
      ToolCatalog catalog, CodeIntelligence core, AtelierSettings settings) {
    NamedRepositoryScope scope = new NamedRepositoryScope(core, workspace(core, settings));
    return new McpHttpServer(
        AtelierVersion.current().version(),
        catalog.specifications(scope),
        settings.maxRequestBytes());
  }

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

  /** After the request id (so refusals carry it), before anything reads the body. */
  @Bean
  FilterRegistrationBean<McpAccessFilter> mcpAccessFilter(
      AccessToken token,
      AtelierSettings settings,
      Environment environment,
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
    FilterRegistrationBean<McpAccessFilter> registration =
        new FilterRegistrationBean<>(
            new McpAccessFilter(token, guard(settings, environment), problems));
    registration.addUrlPatterns(McpHttpServer.PATH, McpHttpServer.PATH + "/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  /**
   * The REST API gets the same DNS-rebinding protection (origin and host), without the token: the
   * web app calls it from its own origin, and a page elsewhere must not add or read repositories.
   */
  @Bean
  FilterRegistrationBean<McpAccessFilter> apiOriginFilter(
      AtelierSettings settings,
      Environment environment,
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
    FilterRegistrationBean<McpAccessFilter> registration =
        new FilterRegistrationBean<>(
            new McpAccessFilter(null, guard(settings, environment), problems));
    registration.addUrlPatterns("/api/*");
    registration.setName("apiOriginFilter");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  private static LoopbackGuard guard(AtelierSettings settings, Environment environment) {
    Binder binder = Binder.get(environment);
    return new LoopbackGuard(
        settings.host(),
        binder.bind("atelier.mcp.origins", Bindable.listOf(String.class)).orElse(List.of()),
        binder.bind("atelier.mcp.hosts", Bindable.listOf(String.class)).orElse(List.of()));
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
