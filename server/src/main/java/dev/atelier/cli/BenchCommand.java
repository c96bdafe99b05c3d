package dev.atelier.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code atelier bench}: measurements on real corpora, one subcommand each. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure tool latency and retrieval quality on real corpora.",
    subcommands = {BenchToolsCommand.class, BenchRetrievalCommand.class})
final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    // No subcommand: show which benchmarks there are.
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
