package dev.atelier.cli;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The content of the credentials file: one entry per server, and the server logged in to last (the
 * default of {@code --remote}).
 */
record CredentialsFile(@Nullable String current, List<ServerCredentials> servers) {

  CredentialsFile {
    servers = List.copyOf(servers);
  }

  static CredentialsFile empty() {
    return new CredentialsFile(null, List.of());
  }
}
