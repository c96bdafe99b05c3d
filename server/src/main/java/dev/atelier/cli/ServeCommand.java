package dev.atelier.cli;

import dev.atelier.platform.AtelierException;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.LogFormat;
import dev.atelier.platform.LoopbackAddresses;
import dev.atelier.platform.PlatformError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atelier serve}: the web app, REST API, events and MCP over HTTP, until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve the web app, REST API and MCP over HTTP for a repository folder.")
final class ServeCommand implements Callable<Integer> {

  private final ServerLauncher launcher;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PATH",
      description = "Repository folder to serve (default: the current folder).")
  Path path = Path.of(".");

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "${env:ATELIER_PORT:-" + AtelierSettings.DEFAULT_PORT + "}",
      description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one; env ATELIER_PORT).")
  int port;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      defaultValue = "${env:ATELIER_HOST:-" + AtelierSettings.DEFAULT_HOST + "}",
      description = "Address to listen on (default: ${DEFAULT-VALUE}; env ATELIER_HOST).")
  String host = AtelierSettings.DEFAULT_HOST;

  @Option(
      names = "--log-format",
      paramLabel = "FORMAT",
      defaultValue = "${env:ATELIER_LOG_FORMAT:-plain}",
      description = "plain or json (one JSON object per line; env ATELIER_LOG_FORMAT).")
  LogFormat logFormat = LogFormat.PLAIN;

  @Option(
      names = "--max-request-bytes",
      paramLabel = "BYTES",
      defaultValue = "" + AtelierSettings.DEFAULT_MAX_REQUEST_BYTES,
      description = "Largest request body accepted (default: ${DEFAULT-VALUE}).")
  long maxRequestBytes = AtelierSettings.DEFAULT_MAX_REQUEST_BYTES;

  @Option(
      names = "--auth",
      description =
          "Require account sign-in (email and password, or OAuth) for the web app in local mode"
              + " too; always on in service mode, and needed to listen beyond loopback.")
  boolean auth;

  @Mixin StorageOptions storage = new StorageOptions();

  ServeCommand(ServerLauncher launcher) {
    this.launcher = launcher;
  }

  @Override
  public Integer call() {
    if (!Files.isDirectory(path)) {
      throw new AtelierException(PlatformError.BAD_REQUEST, "no such folder: " + path);
    }
    AtelierSettings settings =
        storage.settings(path, host, port, logFormat, maxRequestBytes).withAuthRequired(auth);
    if (!LoopbackAddresses.isLoopback(host) && !settings.authRequired()) {
      throw new AtelierException(
          PlatformError.BAD_REQUEST,
          "refusing --host "
              + host
              + ": beyond loopback every caller must sign in; add --auth (and create the first"
              + " account with POST /api/auth/register)");
    }
    RunningServer server = launcher.start(settings);
    spec.commandLine()
        .getOut()
        .printf(
            "Atelier is ready at %s (%s mode, data in %s)%n",
            server.url(), settings.mode().label(), where(settings));
    if (settings.authRequired()) {
      spec.commandLine().getOut().printf("Sign in or register at %s/signin%n", server.url());
    } else {
      spec.commandLine()
          .getOut()
          .printf(
              "Open the web app (one-time login link; `atelier open` makes another):%n    %s%n",
              server.loginUrl());
    }
    spec.commandLine()
        .getOut()
        .printf(
            "MCP over HTTP at %s/mcp; scripts and MCP send Authorization: Bearer $(atelier token)%n",
            server.url());
    server.awaitStop();
    return 0;
  }

  private static String where(AtelierSettings settings) {
    return switch (settings.mode()) {
      case LOCAL -> settings.dataDir().toString();
      case SERVICE -> "PostgreSQL";
    };
  }
}
