package dev.atelier.cli;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.CompletableFuture;

/**
 * A started server: where it listens, how to stop it, and a future that completes once it has
 * stopped (by {@link #stop()}, a signal, or a fatal error).
 */
public record RunningServer(
    String host, int port, Runnable stopAction, CompletableFuture<Void> stopped) {

  public RunningServer {
    requireNonNull(host, "host is null");
    requireNonNull(stopAction, "stopAction is null");
    requireNonNull(stopped, "stopped is null");
  }

  public String url() {
    String shownHost = host.contains(":") ? "[" + host + "]" : host;
    return "http://" + shownHost + ":" + port;
  }

  public void stop() {
    stopAction.run();
  }

  public void awaitStop() {
    stopped.join();
  }
}
