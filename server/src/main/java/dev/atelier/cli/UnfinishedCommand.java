package dev.atelier.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command whose capability has not landed yet: it says so, names the work that brings it, and
 * exits non-zero so scripts never mistake it for success.
 */
abstract class UnfinishedCommand implements Callable<Integer> {

  static final int NOT_AVAILABLE = 3;

  @Spec CommandSpec spec;

  /** The tracked work that makes this command real, e.g. "issue 4 (code index)". */
  abstract String arrivesWith();

  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .printf(
            "atelier %s: not available in this build yet; it arrives with %s.%n",
            spec.name(), arrivesWith());
    return NOT_AVAILABLE;
  }
}
