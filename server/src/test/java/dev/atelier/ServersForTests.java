package dev.atelier;

import dev.atelier.cli.RunningServer;
import dev.atelier.platform.AtelierSettings;
import java.util.Map;

/** Starts a server with extra properties for tests outside this package (the CLI's). */
public final class ServersForTests {

  private ServersForTests() {}

  public static RunningServer start(AtelierSettings settings, Map<String, Object> properties) {
    return new AtelierServer().start(settings, properties, Map.of()).server();
  }
}
