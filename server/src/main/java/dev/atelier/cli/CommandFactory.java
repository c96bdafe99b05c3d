package dev.atelier.cli;

import picocli.CommandLine;

/** Creates command objects, handing the server launcher to the one command that needs it. */
final class CommandFactory implements CommandLine.IFactory {

  private final ServerLauncher launcher;
  private final CommandLine.IFactory defaults = CommandLine.defaultFactory();

  CommandFactory(ServerLauncher launcher) {
    this.launcher = launcher;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    if (type == ServeCommand.class) {
      return type.cast(new ServeCommand(launcher));
    }
    return defaults.create(type);
  }
}
