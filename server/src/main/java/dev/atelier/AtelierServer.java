package dev.atelier;

import dev.atelier.cli.RunningServer;
import dev.atelier.cli.ServerLauncher;
import dev.atelier.identity.LoginLinks;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.LogFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/** Starts the Spring application for a set of {@link AtelierSettings}; used by serve and tests. */
public final class AtelierServer implements ServerLauncher {

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
    return new Started(
        new RunningServer(
            settings.host(),
            port,
            context::close,
            stopped,
            () -> links.newLoginPath(LoginLinks.LinkUse.STARTUP)),
        context);
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
