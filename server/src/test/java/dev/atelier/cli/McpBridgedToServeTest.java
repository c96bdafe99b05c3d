package dev.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.AtelierServer;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.testing.Http;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code atelier mcp} beside a running {@code serve} on the same data folder: driven with real
 * JSON-RPC on its streams, it is answered by the serve's {@code /mcp} (whose tools carry the {@code
 * repository} argument that only the server's scope has), and loads nothing itself.
 */
class McpBridgedToServeTest {

  @TempDir static Path workspace;
  @TempDir static Path elsewhere;
  private static RunningServer server;

  private static final JsonMapper json = JsonMapper.builder().build();
  private static final String INITIALIZE =
      """
      {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
      "capabilities":{},"clientInfo":{"name":"test","version":"1"}}}
      {"jsonrpc":"2.0","method":"notifications/initialized"}
      """;

  @BeforeAll
  static void start() throws Exception {
    Files.createDirectories(workspace.resolve("src"));
    Files.writeString(
        workspace.resolve("src/Accounts.java"),
        """
        package demo;

        public class Accounts {
          public String getUserName(int id) {
            return "user" + id;
          }
        }
        """);
    server = new AtelierServer().start(AtelierSettings.local(workspace).withPort(0));
    awaitIndexed(Http.withInstallToken(server.url(), workspace.resolve(".atelier")));
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void serveLeavesAnOwnerOnlyDiscoveryFileWhileItRuns() throws Exception {
    Path file = workspace.resolve(".atelier").resolve(ServeDiscovery.FILE_NAME);

    ServeDiscovery discovery = ServeDiscovery.live(workspace.resolve(".atelier")).orElseThrow();

    assertThat(discovery.url()).isEqualTo(server.url());
    assertThat(discovery.port()).isEqualTo(server.port());
    assertThat(discovery.pid()).isEqualTo(ProcessHandle.current().pid());
    assertThat(Files.isSameFile(discovery.workspace(), workspace)).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void answersInitializeToolsAndCallsThroughTheRunningServe() {
    List<JsonNode> answers =
        mcp(
            command(workspace),
            INITIALIZE
                + """
                {"jsonrpc":"2.0","id":2,"method":"tools/list"}
                {"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"search_symbols",\
                "arguments":{"query":"gUN"}}}
                """);

    assertThat(answers).extracting(a -> a.get("id").asInt()).containsExactlyInAnyOrder(1, 2, 3);
    assertThat(byId(answers, 1).at("/result/serverInfo/name").asString()).isEqualTo("atelier");
    assertThat(byId(answers, 2).at("/result/tools").findValuesAsString("name"))
        .contains("search_symbols", "semantic_search");
    assertThat(byId(answers, 2).at("/result/tools/0/inputSchema/properties").has("repository"))
        .as("only the serve's tools take a repository argument")
        .isTrue();
    assertThat(byId(answers, 3).at("/result/content/0/text").asString())
        .startsWith("src/Accounts.java:4 method demo.Accounts.getUserName");
  }

  @Test
  void ignoresADiscoveryFileWhoseProcessIsGone() throws Exception {
    Process finished = new ProcessBuilder("true").start();
    finished.waitFor();
    Path data = elsewhere.resolve(".atelier");
    Files.createDirectories(data);
    new ServeDiscovery(server.url(), server.port(), finished.pid(), elsewhere).writeTo(data);

    assertThat(ServeDiscovery.live(data)).isEmpty();
    assertThat(toolsTakeARepository(command(elsewhere))).isFalse();
  }

  @Test
  void ignoresADiscoveryFileWhosePortDoesNotAnswer() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Path data = elsewhere.resolve(".atelier");
    Files.createDirectories(data);
    ServeDiscovery.ofThisProcess("http://127.0.0.1:" + closedPort, closedPort, elsewhere)
        .writeTo(data);

    assertThat(ServeDiscovery.live(data)).isEmpty();
    assertThat(toolsTakeARepository(command(elsewhere))).isFalse();
  }

  @Test
  void noServeLoadsTheIndexInThisProcess() {
    McpCommand local = command(workspace);
    local.noServe = true;

    List<JsonNode> answers =
        mcp(
            local,
            INITIALIZE
                + """
                {"jsonrpc":"2.0","id":2,"method":"tools/list"}
                {"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"search_symbols",\
                "arguments":{"query":"gUN"}}}
                """);

    assertThat(byId(answers, 2).at("/result/tools/0/inputSchema/properties").has("repository"))
        .isFalse();
    assertThat(byId(answers, 3).at("/result/content/0/text").asString())
        .startsWith("src/Accounts.java:4 method demo.Accounts.getUserName");
  }

  @Test
  void aStoppedServeRemovesItsDiscoveryFile() throws Exception {
    Path folder = Files.createDirectories(elsewhere.resolve("stopped"));
    RunningServer stopped = new AtelierServer().start(AtelierSettings.local(folder).withPort(0));
    Path file = folder.resolve(".atelier").resolve(ServeDiscovery.FILE_NAME);
    boolean whileRunning = Files.exists(file);

    stopped.stop();
    stopped.awaitStop();

    assertThat(whileRunning).isTrue();
    assertThat(file).doesNotExist();
  }

  private static McpCommand command(Path folder) {
    McpCommand command = new McpCommand();
    command.path = folder;
    return command;
  }

  private static boolean toolsTakeARepository(McpCommand command) {
    List<JsonNode> answers =
        mcp(command, INITIALIZE + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n");
    return byId(answers, 2).at("/result/tools/0/inputSchema/properties").has("repository");
  }

  private static List<JsonNode> mcp(McpCommand command, String requests) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    command.serve(new ByteArrayInputStream(requests.getBytes(StandardCharsets.UTF_8)), out);
    return out.toString(StandardCharsets.UTF_8).lines().map(json::readTree).toList();
  }

  private static JsonNode byId(List<JsonNode> answers, int id) {
    return answers.stream()
        .filter(a -> a.has("id") && a.get("id").asInt() == id)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no answer " + id + " in " + answers));
  }

  private static void awaitIndexed(Http http) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode repos = http.json(http.get("/api/repos"));
      if (!repos.isEmpty()
          && repos.get(0).get("branches").size() > 0
          && repos.get(0).get("branches").get(0).get("state").asString().equals("ready")) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the workspace was not indexed within 90 s");
  }
}
