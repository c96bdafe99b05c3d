package dev.atelier.cli;

import dev.atelier.identity.InstallToken;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.PlatformError;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atelier hook install|uninstall}: git hooks that notify a running Atelier of changes. */
@Command(
    name = "hook",
    mixinStandardHelpOptions = true,
    description = "Install or remove the git hooks that tell a running Atelier what changed.",
    subcommands = {HookCommand.Install.class, HookCommand.Uninstall.class})
final class HookCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "install",
      mixinStandardHelpOptions = true,
      description = {
        "Add a block to the post-commit, post-checkout and post-merge hooks (core.hooksPath is"
            + " honoured; existing hooks are kept and run as before) that POSTs the changed paths"
            + " to ATELIER_URL or --url/api/notify/file-changed in the background.",
        "The repository must be registered with the server under its working-tree folder."
      })
  static final class Install implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "PATH",
        description = "A folder of the git repository (default: the current folder).")
    Path path = Path.of(".");

    @Option(
        names = "--url",
        paramLabel = "URL",
        defaultValue =
            "${env:ATELIER_URL:-http://"
                + AtelierSettings.DEFAULT_HOST
                + ":"
                + AtelierSettings.DEFAULT_PORT
                + "}",
        description = "The Atelier server (default: ${DEFAULT-VALUE}).")
    String url = "";

    @Option(
        names = "--data",
        paramLabel = "DIR",
        defaultValue = "${env:ATELIER_DATA}",
        description =
            "Data folder of the server, whose install token the hooks send (default:"
                + " PATH/.atelier; env ATELIER_DATA).")
    @Nullable Path data;

    @Override
    public Integer call() {
      Path hooks = GitHooks.hooksDir(path);
      Path dataDir = StorageOptions.dataDir(data, path);
      InstallToken.loadOrCreate(dataDir);
      List<Path> written;
      try {
        written = GitHooks.install(hooks, url, dataDir.resolve(InstallToken.FILE_NAME));
      } catch (IOException e) {
        throw new AtelierException(
            PlatformError.BAD_REQUEST,
            "cannot write the hooks in " + hooks + ": " + e.getMessage());
      }
      PrintWriter out = spec.commandLine().getOut();
      written.forEach(file -> out.println("installed " + file));
      out.println("changes are sent to " + url + " (ATELIER_URL overrides it when git runs)");
      return 0;
    }
  }

  @Command(
      name = "uninstall",
      mixinStandardHelpOptions = true,
      description = "Remove the atelier block from the hooks; the rest of each hook stays.")
  static final class Uninstall implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "PATH",
        description = "A folder of the git repository (default: the current folder).")
    Path path = Path.of(".");

    @Override
    public Integer call() {
      Path hooks = GitHooks.hooksDir(path);
      List<Path> changed;
      try {
        changed = GitHooks.uninstall(hooks);
      } catch (IOException e) {
        throw new AtelierException(
            PlatformError.BAD_REQUEST,
            "cannot change the hooks in " + hooks + ": " + e.getMessage());
      }
      PrintWriter out = spec.commandLine().getOut();
      if (changed.isEmpty()) {
        out.println("no atelier hooks in " + hooks);
      }
      changed.forEach(file -> out.println("removed the atelier block from " + file));
      return 0;
    }
  }
}
