package dev.atelier.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class McpStdioServerTest {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void answersInitializeAndStopsWhenTheClientClosesItsInput() throws Exception {
    PipedOutputStream clientOut = new PipedOutputStream();
    PipedInputStream serverIn = new PipedInputStream(clientOut, 1 << 16);
    PipedInputStream clientIn = new PipedInputStream(1 << 16);
    PipedOutputStream serverOut = new PipedOutputStream(clientIn);
    CompletableFuture<Void> served =
        CompletableFuture.runAsync(() -> new McpStdioServer("9.9.9").serve(serverIn, serverOut));
    BufferedReader responses =
        new BufferedReader(new InputStreamReader(clientIn, StandardCharsets.UTF_8));

    send(
        clientOut,
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}");
    JsonNode initialized = json.readTree(responses.readLine());
    send(clientOut, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    send(clientOut, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}");
    JsonNode pong = json.readTree(responses.readLine());
    clientOut.close();

    assertThat(initialized.get("id").asInt()).isEqualTo(1);
    assertThat(initialized.at("/result/serverInfo/name").asString()).isEqualTo("atelier");
    assertThat(initialized.at("/result/serverInfo/version").asString()).isEqualTo("9.9.9");
    assertThat(initialized.at("/result/capabilities").has("tools")).isTrue();
    assertThat(pong.get("id").asInt()).isEqualTo(2);
    assertThat(pong.has("result")).isTrue();
    served.get(10, TimeUnit.SECONDS);
  }

  @Test
  void answersEveryRequestEvenWhenTheInputEndsRightAfterIt() throws Exception {
    String requests =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n"
            + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
            + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}\n"
            + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}\n";
    for (int round = 0; round < 20; round++) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      new McpStdioServer("9.9.9")
          .serve(new java.io.ByteArrayInputStream(requests.getBytes(StandardCharsets.UTF_8)), out);

      assertThat(
              out.toString(StandardCharsets.UTF_8)
                  .lines()
                  .map(line -> json.readTree(line).get("id").asInt()))
          .as("round %d", round)
          .containsExactlyInAnyOrder(1, 2, 3);
    }
  }

  private static void send(OutputStream out, String message) throws Exception {
    out.write((message + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
