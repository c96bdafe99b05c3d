package dev.atelier.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;

/** Runs the real command line in process, capturing what it prints; serve never starts a server. */
final class CliRun {

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    ServerLauncher launcher =
        settings ->
            new RunningServer(
                settings.host(),
                settings.port(),
                () -> {},
                CompletableFuture.completedFuture(null),
                () -> "/api/auth/local?code=test");
    return AtelierCommand.commandLine(
            launcher, new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
  }
}
