package dev.atelier.cli;

import java.io.InputStream;
import picocli.CommandLine;

/**
 * Creates command objects, handing the server launcher and stdin to the commands that need them.
 */
final class CommandFactory implements CommandLine.IFactory {

  private final ServerLauncher launcher;
  private final InputStream stdin;
  private final CommandLine.IFactory defaults = CommandLine.defaultFactory();

  CommandFactory(ServerLauncher launcher, InputStream stdin) {
    this.launcher = launcher;
    this.stdin = stdin;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    if (type == ServeCommand.class) {
      return type.cast(new ServeCommand(launcher));
    }
    if (type == LoginCommand.class) {
      return type.cast(new LoginCommand(stdin));
    }
    return defaults.create(type);
  }
}
