package dev.atelier.cli;

import picocli.CommandLine.Command;

/** {@code atelier index PATH}: index a repository and print a summary. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = "Index a repository folder and print a summary (files, symbols, references).")
final class IndexCommand extends UnfinishedCommand {
  @Override
  String arrivesWith() {
    return "issue 4 (code index)";
  }
}
