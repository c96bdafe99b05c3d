package dev.atelier.cli;

import picocli.CommandLine.Command;

/** {@code atelier search QUERY}: text, regex, symbol or semantic search from the shell. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = "Search the indexed code: text, regex, symbols or meaning.")
final class SearchCommand extends UnfinishedCommand {
  @Override
  String arrivesWith() {
    return "issue 5 (code intelligence tools)";
  }
}
