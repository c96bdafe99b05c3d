package dev.atelier;

import dev.atelier.cli.RunningServer;
import dev.atelier.cli.ServeDiscovery;
import dev.atelier.cli.ServerLauncher;
import dev.atelier.identity.LoginLinks;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.LogFormat;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/** Starts the Spring application for a set of {@link AtelierSettings}; used by serve and tests. */
public final class AtelierServer implements ServerLauncher {

  private static final Logger log = LoggerFactory.getLogger(AtelierServer.class);

  @Override
  public RunningServer start(AtelierSettings settings) {
    return start(settings, Map.of(), Map.of()).server();
  }

  /** A started server and its Spring context, for tests that reach into beans. */
  record Started(RunningServer server, ConfigurableApplicationContext context) {}

  /**
   * Starts with extra properties and beans registered up front (e.g. a {@code
   * BranchChangeHandler}); used by tests.
   */
  Started start(
      AtelierSettings settings, Map<String, Object> properties, Map<String, Object> singletons) {
    SpringApplication app = new SpringApplication(AtelierApplication.class);
    app.setWebApplicationType(WebApplicationType.SERVLET);
    Map<String, Object> defaults = propertiesFor(settings);
    defaults.putAll(properties);
    app.setDefaultProperties(defaults);
    app.addInitializers(context -> {
      context.getBeanFactory().registerSingleton("atelierSettings", settings);
      singletons.forEach(context.getBeanFactory()::registerSingleton);
    });
    CompletableFuture<Void> stopped = new CompletableFuture<>();
    app.addListeners((ContextClosedEvent closed) -> stopped.complete(null));
    ConfigurableApplicationContext context;
    try {
      context = app.run();
    } catch (RuntimeException e) {
      throw StartupFailure.explain(e);
    }
    int port =
        Objects.requireNonNull(((WebServerApplicationContext) context).getWebServer()).getPort();
    LoginLinks links = context.getBean(LoginLinks.class);
    RunningServer server =
        new RunningServer(
            settings.host(),
            port,
            context::close,
            stopped,
            () -> links.newLoginPath(LoginLinks.LinkUse.STARTUP));
    announce(settings, server, context);
    return new Started(server, context);
  }

  /**
   * Leaves {@link ServeDiscovery} in the data folder while the server runs, so that {@code atelier
   * mcp} on the same data bridges to it instead of loading the index again; removed on stop.
   */
  private static void announce(
      AtelierSettings settings, RunningServer server, ConfigurableApplicationContext context) {
    ServeDiscovery discovery =
        ServeDiscovery.ofThisProcess(server.url(), server.port(), settings.workspace());
    try {
      discovery.writeTo(settings.dataDir());
    } catch (IOException e) {
      log.warn(
          "cannot write {} in {}: {}", ServeDiscovery.FILE_NAME, settings.dataDir(), e.toString());
      return;
    }
    context.addApplicationListener((ContextClosedEvent closed) -> {
      try {
        discovery.removeFrom(settings.dataDir());
      } catch (IOException e) {
        log.warn("cannot remove {}: {}", ServeDiscovery.FILE_NAME, e.toString());
      }
    });
  }

  static Map<String, Object> propertiesFor(AtelierSettings settings) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("server.port", settings.port());
    properties.put("server.address", settings.host());
    properties.put("atelier.mode", settings.mode().label());
    if (settings.logFormat() == LogFormat.JSON) {
      properties.put("logging.structured.format.console", "ecs");
    }
    return properties;
  }
}
