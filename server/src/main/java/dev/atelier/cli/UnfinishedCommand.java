package dev.atelier.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * A command whose capability has not landed yet: it says so, names the work that brings it, and
 * exits non-zero so scripts never mistake it for success.
 */
abstract class UnfinishedCommand implements Callable<Integer> {

  static final int NOT_AVAILABLE = 3;

  @Spec CommandSpec spec;

  // Arguments of the finished command are accepted now, so scripts written for it fail clearly.
  @Unmatched List<String> arguments = new ArrayList<>();

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
