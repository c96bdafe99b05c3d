package dev.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.testing.Http;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged program: the token {@code atelier token} prints is the one {@code serve} asks for at
 * {@code /mcp}, and a client's open event stream does not hold up the shutdown.
 */
class McpHttpProcessIT {

  private static final Pattern READY = Pattern.compile("Atelier is ready at (http://\\S+)");

  @TempDir Path workspace;

  private static Process start(String... args) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    String jar = System.getProperty("atelier.jar");
    assertThat(jar).as("system property atelier.jar (set by failsafe)").isNotNull();
    List<String> command =
        new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-jar", jar));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  @Test
  void theTokenThatTokenPrintsOpensMcpOnServe() throws Exception {
    Process tokenCommand = start("token", workspace.toString());
    String token =
        new String(tokenCommand.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(tokenCommand.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(token).matches("[A-Za-z0-9_-]{43}");

    Process serve = start("serve", workspace.toString(), "--port", "0");
    try {
      String url = readyUrl(serve);
      Http http = new Http(url);
      HttpResponse<String> initialize =
          http.send(initialize(url).header("Authorization", "Bearer " + token));
      HttpResponse<String> anonymous = http.send(initialize(url));
      String session = initialize.headers().firstValue("Mcp-Session-Id").orElseThrow();
      // An open event stream of the session, as clients keep one (it answers headers only with
      // its first event, so a ping after it stands in for "the server has it").
      java.net.http.HttpClient.newHttpClient()
          .sendAsync(
              HttpRequest.newBuilder(URI.create(url + "/mcp"))
                  .header("Authorization", "Bearer " + token)
                  .header("Accept", "text/event-stream")
                  .header("Mcp-Session-Id", session)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      HttpResponse<String> ping =
          http.send(
              message(url, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}")
                  .header("Authorization", "Bearer " + token)
                  .header("Mcp-Session-Id", session));

      assertThat(initialize.statusCode()).isEqualTo(200);
      assertThat(initialize.body()).contains("\"serverInfo\"");
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(ping.statusCode()).isEqualTo(200);
    } finally {
      serve.destroy();
    }
    // Well under the 30 s the graceful shutdown would wait for a stream left open.
    assertThat(serve.waitFor(20, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
  }

  private static HttpRequest.Builder initialize(String url) {
    return message(
        url,
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}");
  }

  private static HttpRequest.Builder message(String url, String body) {
    return HttpRequest.newBuilder(URI.create(url + "/mcp"))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static String readyUrl(Process serve) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      Matcher ready = READY.matcher(line);
      if (ready.find()) {
        return ready.group(1);
      }
    }
    throw new AssertionError("serve ended without its ready line");
  }
}
