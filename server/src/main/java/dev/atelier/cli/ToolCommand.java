package dev.atelier.cli;

import picocli.CommandLine.Command;

/** {@code atelier tool NAME}: run any code-intelligence tool locally. */
@Command(
    name = "tool",
    mixinStandardHelpOptions = true,
    description = "Run one of the code-intelligence tools locally, as an assistant would over MCP.")
final class ToolCommand extends UnfinishedCommand {
  @Override
  String arrivesWith() {
    return "issue 5 (code intelligence tools)";
  }
}
