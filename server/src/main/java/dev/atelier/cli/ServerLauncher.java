package dev.atelier.cli;

import dev.atelier.platform.AtelierSettings;

/** Starts the HTTP server for {@code serve}; the Spring application implements it. */
@FunctionalInterface
public interface ServerLauncher {

  RunningServer start(AtelierSettings settings);
}
