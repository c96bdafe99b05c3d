package dev.atelier.cli;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A started server: where it listens, how to stop it, a future that completes once it has stopped
 * (by {@link #stop()}, a signal, or a fatal error), and where its one-time login links come from.
 */
public record RunningServer(
    String host,
    int port,
    Runnable stopAction,
    CompletableFuture<Void> stopped,
    Supplier<String> startupLoginPath) {

  public RunningServer {
    requireNonNull(host, "host is null");
    requireNonNull(startupLoginPath, "startupLoginPath is null");
    requireNonNull(stopAction, "stopAction is null");
    requireNonNull(stopped, "stopped is null");
  }

  public String url() {
    String shownHost = host.contains(":") ? "[" + host + "]" : host;
    return "http://" + shownHost + ":" + port;
  }

  /** A one-time link that signs a browser in, as {@code serve} prints it at start. */
  public String loginUrl() {
    return url() + startupLoginPath.get();
  }

  public void stop() {
    stopAction.run();
  }

  public void awaitStop() {
    stopped.join();
  }
}
