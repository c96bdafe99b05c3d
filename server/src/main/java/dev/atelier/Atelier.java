package dev.atelier;

import dev.atelier.cli.AtelierCommand;

/**
 * The one entry point of the {@code atelier} program. Only {@code serve} starts the Spring
 * application; every other command runs on plain Java so that it answers in well under a second.
 */
public final class Atelier {

  private Atelier() {}

  public static void main(String[] args) {
    if (args.length == 0 || !"serve".equals(args[0])) {
      // Plain commands log warnings to stderr only: under `mcp`, stdout is the protocol channel.
      System.setProperty("logback.configurationFile", "logback-cli.xml");
    }
    System.exit(AtelierCommand.run(args, new AtelierServer()));
  }
}
