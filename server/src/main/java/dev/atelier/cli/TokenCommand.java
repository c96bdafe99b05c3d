package dev.atelier.cli;

import dev.atelier.identity.InstallToken;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code atelier token}: prints the install's bearer token that {@code /api}, {@code /mcp} and
 * {@code /actuator} accept, making it if {@code serve} has not run yet, so an assistant or a script
 * can be configured first. Only the token goes to stdout.
 */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = {
      "Print the bearer token of this install for scripts and MCP over HTTP (/api and /mcp on"
          + " the serve port).",
      "It is made on first use and kept in DATA/"
          + InstallToken.FILE_NAME
          + ", readable by you only."
    })
final class TokenCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PATH",
      description =
          "Repository folder whose data folder holds the token (default: the current" + " folder).")
  Path path = Path.of(".");

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "${env:ATELIER_DATA}",
      description = "Data folder (default: PATH/.atelier; env ATELIER_DATA).")
  @Nullable Path data;

  @Override
  public Integer call() {
    InstallToken token = InstallToken.loadOrCreate(StorageOptions.dataDir(data, path));
    spec.commandLine().getOut().println(token.reveal());
    return 0;
  }
}
