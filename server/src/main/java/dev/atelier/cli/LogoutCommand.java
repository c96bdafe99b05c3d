package dev.atelier.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code atelier logout [URL]}: ends the session on the server and forgets its credentials. The
 * local entry goes even when the server cannot be reached, so a lost laptop's file can be cleaned.
 */
@Command(
    name = "logout",
    mixinStandardHelpOptions = true,
    description = "End the session at a server logged in to with `atelier login` and forget it.")
final class LogoutCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "URL",
      description = "The server (default: the last one logged in to).")
  @Nullable String url;

  @Mixin ConfigOption config = new ConfigOption();

  @Override
  public Integer call() {
    CredentialsStore store = config.store();
    ServerCredentials credentials = RemoteClient.resolve(store, url);
    PrintWriter out = spec.commandLine().getOut();
    ServerCredentials.Session session = credentials.session();
    if (session != null) {
      endSession(credentials.url(), session);
    }
    store.remove(credentials.url());
    out.println(
        "Logged out of "
            + credentials.url()
            + (session == null
                ? " (the key stays valid until it is revoked, in the web app or DELETE /api/keys/ID)"
                : ""));
    return 0;
  }

  // The refresh token names the session even when the access token has expired meanwhile.
  private void endSession(String server, ServerCredentials.Session session) {
    try {
      HttpResponse<String> response =
          RemoteClient.anonymous(
              server,
              HttpRequest.newBuilder(URI.create(server + "/api/auth/logout"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          JsonMapper.builder()
                              .build()
                              .writeValueAsString(Map.of("refreshToken", session.refreshToken())),
                          StandardCharsets.UTF_8)));
      if (response.statusCode() / 100 != 2) {
        spec.commandLine()
            .getErr()
            .println(
                "atelier: the server did not end the session ("
                    + RemoteErrors.detail(response)
                    + "); forgetting it here anyway");
      }
    } catch (dev.atelier.platform.AtelierException e) {
      spec.commandLine()
          .getErr()
          .println("atelier: " + e.getMessage() + "; forgetting the session here anyway");
    }
  }
}
