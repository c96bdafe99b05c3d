package dev.atelier.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code --config DIR}: where the credentials of {@code atelier login} are kept. */
final class ConfigOption {

  @Option(
      names = "--config",
      paramLabel = "DIR",
      defaultValue = "${env:ATELIER_CONFIG_DIR}",
      description =
          "Folder of the stored logins (default: $XDG_CONFIG_HOME/atelier or ~/.config/atelier;"
              + " env ATELIER_CONFIG_DIR).")
  @Nullable Path folder;

  CredentialsStore store() {
    return new CredentialsStore(
        folder != null ? folder : CredentialsStore.defaultFolder(System.getenv()));
  }
}
