package dev.atelier.cli;

import dev.atelier.platform.AtelierVersion;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code atelier version}: the version of this build, and the Java running it. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print the version.")
final class VersionCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    String version = AtelierVersion.current().version();
    String java = Runtime.version().toString();
    if (json) {
      spec.commandLine().getOut().printf("{\"version\":\"%s\",\"java\":\"%s\"}%n", version, java);
    } else {
      spec.commandLine().getOut().printf("atelier %s (Java %s)%n", version, java);
    }
    return 0;
  }
}
