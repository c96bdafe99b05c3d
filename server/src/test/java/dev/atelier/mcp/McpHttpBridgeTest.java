package dev.atelier.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The bridge when its server is not there: requests get JSON-RPC errors, never silence. */
class McpHttpBridgeTest {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void answersEachRequestWithAnErrorWhenTheServerDoesNotAnswer() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String requests =
        """
        {"jsonrpc":"2.0","id":7,"method":"initialize","params":{}}
        {"jsonrpc":"2.0","method":"notifications/initialized"}
        """;

    new McpHttpBridge(URI.create("http://127.0.0.1:" + closedPort + "/mcp"), "token")
        .serve(new ByteArrayInputStream(requests.getBytes(StandardCharsets.UTF_8)), out);

    List<JsonNode> answers =
        out.toString(StandardCharsets.UTF_8).lines().map(json::readTree).toList();
    assertThat(answers).hasSize(1);
    assertThat(answers.getFirst().get("id").asInt()).isEqualTo(7);
    assertThat(answers.getFirst().at("/error/message").asString()).contains("cannot reach");
  }

  @Test
  void handsOverEachEventsDataWhenItsBlankLineArrives() {
    List<String> data = new java.util.ArrayList<>();

    new EventStream(data::add)
        .read(
            List.of(
                    "id: 1",
                    "event: message",
                    "data: {\"a\":1}",
                    "",
                    ": comment",
                    "data: x",
                    "data: y")
                .iterator());

    assertThat(data).containsExactly("{\"a\":1}", "x\ny");
  }
}
