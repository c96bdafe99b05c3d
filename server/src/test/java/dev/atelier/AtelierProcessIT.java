package dev.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.testing.Http;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The packaged program, run as its own process, spoken to over real HTTP and real stdio. */
class AtelierProcessIT {

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
  void serveAnswersHealthAndTheWebAppOverHttpUntilStopped() throws Exception {
    Process serve = start("serve", workspace.toString(), "--port", "0");
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
      String url = null;
      while (url == null) {
        String line = out.readLine();
        if (line == null) {
          break;
        }
        Matcher ready = READY.matcher(line);
        if (ready.find()) {
          url = ready.group(1);
        }
      }
      assertThat(url).as("the ready line").isNotNull();
      Http http = new Http(url);

      JsonNode health = http.json(http.get("/api/health"));
      HttpResponse<String> page = http.get("/");

      assertThat(health.get("status").asString()).isEqualTo("UP");
      assertThat(health.get("mode").asString()).isEqualTo("local");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("<div id=\"root\">");
      assertThat(Files.exists(workspace.resolve(".atelier/atelier.db"))).isTrue();
    } finally {
      serve.destroy();
    }
    assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
  }

  @Test
  void mcpSpeaksOnlyProtocolOnStdoutAndExitsWhenInputEnds() throws Exception {
    Process mcp = start("mcp", workspace.toString());
    OutputStream in = mcp.getOutputStream();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(mcp.getInputStream(), StandardCharsets.UTF_8));

    in.write(
        ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}\n")
            .getBytes(StandardCharsets.UTF_8));
    in.flush();
    String first = out.readLine();
    in.close();

    JsonNode response = JsonMapper.builder().build().readTree(first);
    assertThat(response.at("/result/serverInfo/name").asString()).isEqualTo("atelier");
    assertThat(mcp.waitFor(30, TimeUnit.SECONDS)).as("exits when stdin closes").isTrue();
    assertThat(out.readLine()).as("nothing but protocol on stdout").isNull();
    assertThat(mcp.exitValue()).isZero();
  }

  @Test
  void logsOneJsonObjectPerLineWithJsonLogFormat() throws Exception {
    Process serve = start("serve", workspace.toString(), "--port", "0", "--log-format", "json");
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();

      JsonNode log = JsonMapper.builder().build().readTree(first);
      assertThat(log.has("@timestamp")).isTrue();
      assertThat(log.get("message").asString()).isNotBlank();
    } finally {
      serve.destroy();
    }
    assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aBadFlagExitsWith2() throws Exception {
    Process bad = start("--bogus");

    assertThat(bad.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(bad.exitValue()).isEqualTo(2);
  }
}
