package dev.atelier.cli;

import dev.atelier.platform.AtelierException;
import dev.atelier.platform.AtelierVersion;
import java.io.InputStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code atelier} command: parses arguments and dispatches to a subcommand. */
@Command(
    name = "atelier",
    mixinStandardHelpOptions = true,
    versionProvider = AtelierCommand.Version.class,
    description =
        "A workspace where a team and its AI coding agents share one live understanding of their code.",
    subcommands = {
      ServeCommand.class,
      IndexCommand.class,
      SearchCommand.class,
      ToolCommand.class,
      McpCommand.class,
      TokenCommand.class,
      LoginCommand.class,
      LogoutCommand.class,
      OpenCommand.class,
      HookCommand.class,
      BenchCommand.class,
      ParseCommand.class,
      VersionCommand.class,
      CommandLine.HelpCommand.class
    })
public final class AtelierCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  AtelierCommand() {}

  @Override
  public void run() {
    // No subcommand: show what there is to do.
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line and returns the process exit code (2 for usage errors). */
  public static int run(String[] args, ServerLauncher launcher) {
    return commandLine(
            launcher, new PrintWriter(System.out, true), new PrintWriter(System.err, true))
        .execute(args);
  }

  static CommandLine commandLine(ServerLauncher launcher, PrintWriter out, PrintWriter err) {
    return commandLine(launcher, System.in, out, err);
  }

  /** The command line with {@code in} as stdin (where {@code login --password-stdin} reads). */
  static CommandLine commandLine(
      ServerLauncher launcher, InputStream in, PrintWriter out, PrintWriter err) {
    CommandLine.IFactory factory = new CommandFactory(launcher, in);
    CommandLine commandLine = new CommandLine(new AtelierCommand(), factory);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setParameterExceptionHandler(AtelierCommand::usageError);
    commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
      if (e instanceof AtelierException known) {
        line.getErr().println("atelier: " + known.getMessage());
        return 1;
      }
      throw e;
    });
    return commandLine;
  }

  /** One line naming the mistake, then the usage of the command it was made in; exit code 2. */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine line = e.getCommandLine();
    PrintWriter err = line.getErr();
    err.println("atelier: " + e.getMessage());
    line.usage(err);
    return line.getCommandSpec().exitCodeOnInvalidInput();
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"atelier " + AtelierVersion.current()};
    }
  }
}
