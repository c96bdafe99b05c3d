package dev.atelier.cli;

import picocli.CommandLine.Command;

/** {@code atelier bench}: retrieval and indexing benchmarks on real corpora. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure indexing speed and retrieval quality on real corpora.")
final class BenchCommand extends UnfinishedCommand {
  @Override
  String arrivesWith() {
    return "issues 4 and 5 (index and retrieval benchmarks)";
  }
}
