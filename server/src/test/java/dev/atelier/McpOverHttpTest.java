package dev.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.cli.RunningServer;
import dev.atelier.identity.InstallToken;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.testing.Http;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tools over HTTP on a real served app: MCP at {@code /mcp} behind the install's token and the
 * Origin/Host checks, and the same tools over REST with RFC 9457 problems.
 */
class McpOverHttpTest {

  @TempDir static Path workspace;
  private static RunningServer server;
  private static Http http;
  private static String token;
  private static long repositoryId;

  private static final JsonMapper json = JsonMapper.builder().build();

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
    server =
        new AtelierServer()
            .start(
                AtelierSettings.local(workspace).withPort(0),
                Map.of("atelier.mcp.origins", "https://ide.example.com, https://other.example.com"),
                Map.of())
            .server();
    http = Http.withInstallToken(server.url(), workspace.resolve(".atelier"));
    token = InstallToken.loadOrCreate(workspace.resolve(".atelier")).reveal();
    repositoryId = awaitIndexed();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void initializeListsTheToolsAndCallsThemWithTheToken() {
    HttpResponse<String> initialize =
        mcp(
            null,
            """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
            "capabilities":{},"clientInfo":{"name":"test","version":"1"}}}\
            """);
    assertThat(initialize.statusCode()).isEqualTo(200);
    assertThat(message(initialize).at("/result/serverInfo/name").asString()).isEqualTo("atelier");
    assertThat(message(initialize).at("/result/capabilities").has("logging")).isTrue();
    String session = initialize.headers().firstValue("Mcp-Session-Id").orElseThrow();
    assertThat(
            mcp(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                .statusCode())
        .isEqualTo(202);

    JsonNode tools =
        message(mcp(session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}"));
    JsonNode byDefault =
        message(mcp(session, toolCall(3, "search_symbols", "{\"query\":\"gUN\"}")));
    JsonNode byName =
        message(
            mcp(
                session,
                toolCall(
                    4,
                    "symbols",
                    "{\"path\":\"src/Accounts.java\",\"repository\":\""
                        + workspace.getFileName()
                        + "\"}")));
    JsonNode unknown =
        message(
            mcp(
                session,
                toolCall(5, "search_symbols", "{\"query\":\"x\",\"repository\":\"nope\"}")));

    assertThat(tools.at("/result/tools").findValuesAsString("name"))
        .contains("search_symbols", "symbols");
    assertThat(tools.at("/result/tools/0/inputSchema/properties").has("repository")).isTrue();
    assertThat(byDefault.at("/result/content/0/text").asString())
        .startsWith("src/Accounts.java:4 method demo.Accounts.getUserName");
    assertThat(byDefault.at("/result/structuredContent/symbols/0/name").asString())
        .isEqualTo("getUserName");
    assertThat(byName.at("/result/content/0/text").asString())
        .startsWith("src/Accounts.java:3 class demo.Accounts");
    assertThat(unknown.at("/result/isError").asBoolean()).isTrue();
    assertThat(unknown.at("/result/content/0/text").asString())
        .contains("no repository 'nope'", workspace.getFileName().toString());
  }

  @Test
  void refusesAMissingTokenWith401AProblemAndABearerChallenge() {
    HttpResponse<String> response =
        http.anonymous().send(mcpRequest().POST(HttpRequest.BodyPublishers.ofString(PING)));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .startsWith("Bearer");
    assertThat(problemType(response)).endsWith("/problems/unauthorized");
  }

  @Test
  void refusesAWrongTokenWithoutEverShowingTheRightOne() {
    HttpResponse<String> response =
        http.send(
            mcpRequest()
                .header("Authorization", "Bearer " + token.substring(1) + "x")
                .POST(HttpRequest.BodyPublishers.ofString(PING)));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("invalid_token");
    assertThat(response.body()).doesNotContain(token);
  }

  @Test
  void refusesAForeignOriginWith403EvenWithTheTokenAndLetsALoopbackOneIn() {
    HttpResponse<String> foreign =
        http.send(
            authorized()
                .header("Origin", "http://evil.example.com")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE)));
    HttpResponse<String> loopback =
        http.send(
            authorized()
                .header("Origin", "http://localhost:" + server.port())
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE)));

    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(problemType(foreign)).endsWith("/problems/forbidden-origin");
    assertThat(loopback.statusCode()).isEqualTo(200);
  }

  @Test
  void letsInAnOriginListedInTheSettings() {
    HttpResponse<String> configured =
        http.send(
            authorized()
                .header("Origin", "https://other.example.com")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE)));

    assertThat(configured.statusCode()).isEqualTo(200);
  }

  @Test
  void refusesAForeignHostWith403() throws IOException {
    // java.net.http will not send another Host header, so this request goes over a plain socket.
    byte[] body = INITIALIZE.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST /mcp HTTP/1.1\r\nHost: evil.example.com:"
            + server.port()
            + "\r\nAuthorization: Bearer "
            + token
            + "\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream"
            + "\r\nContent-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n";
    try (Socket socket = new Socket(server.host(), server.port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);

      assertThat(response).startsWith("HTTP/1.1 403").contains("forbidden-origin");
    }
  }

  @Test
  void restListsTheToolsWithTheirSchemas() {
    JsonNode tools = http.json(http.get("/api/tools"));

    assertThat(tools.findValuesAsString("name")).contains("search_symbols", "symbols");
    JsonNode symbols = tools.get(tools.findValuesAsString("name").indexOf("symbols"));
    assertThat(symbols.get("description").asString()).isNotBlank();
    assertThat(symbols.at("/inputSchema/required").toString()).contains("path");
    assertThat(symbols.at("/inputSchema/properties").has("branch")).isTrue();
  }

  @Test
  void restCallsAToolAndAnswersTextAndStructuredContent() {
    HttpResponse<String> response = callRest("search_symbols", "{\"query\":\"gUN\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode answer = http.json(response);
    assertThat(answer.get("text").asString())
        .startsWith("src/Accounts.java:4 method demo.Accounts.getUserName");
    assertThat(answer.at("/structured/symbols/0/path").asString()).isEqualTo("src/Accounts.java");
  }

  @Test
  void restAnswersABadArgumentWithA400Problem() {
    HttpResponse<String> mistyped =
        callRest("search_symbols", "{\"query\":\"gUN\",\"limit\":\"many\"}");
    HttpResponse<String> missing = callRest("symbols", "{}");
    HttpResponse<String> outside = callRest("symbols", "{\"path\":\"../../etc/passwd\"}");

    assertThat(mistyped.statusCode()).isEqualTo(400);
    assertThat(problemType(mistyped)).endsWith("/problems/invalid-tool-argument");
    assertThat(http.json(mistyped).get("detail").asString()).contains("limit");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(http.json(missing).get("detail").asString()).contains("path is required");
    assertThat(outside.statusCode()).isEqualTo(400);
  }

  @Test
  void restRefusesAChatToolWhichActsForACallerOnlyOverMcp() {
    HttpResponse<String> response =
        callRest("post_message", "{\"channel\":\"general\",\"body\":\"hi\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(problemType(response)).endsWith("/problems/tool-needs-caller");
    assertThat(http.json(response).get("detail").asString()).contains("/mcp");
  }

  @Test
  void restAnswersAnUnknownToolOrRepositoryWithA404Problem() {
    HttpResponse<String> tool = callRest("no_such_tool", "{}");
    HttpResponse<String> repository =
        http.post(
            "/api/repos/99999/tools/symbols",
            "application/json",
            HttpRequest.BodyPublishers.ofString("{\"path\":\"src/Accounts.java\"}"));

    assertThat(tool.statusCode()).isEqualTo(404);
    assertThat(problemType(tool)).endsWith("/problems/unknown-tool");
    assertThat(http.json(tool).get("detail").asString()).contains("search_symbols");
    assertThat(repository.statusCode()).isEqualTo(404);
    assertThat(problemType(repository)).endsWith("/problems/repository-not-found");
  }

  @Test
  void restAnswersABodyThatIsNotAnObjectWithA400Problem() {
    HttpResponse<String> response = callRest("symbols", "[\"src/Accounts.java\"]");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .contains("application/problem+json");
  }

  @Test
  void openApiDocumentsTheToolEndpoints() {
    JsonNode paths = http.json(http.get("/api/openapi.json")).get("paths");

    assertThat(paths.has("/api/tools")).isTrue();
    assertThat(paths.at("/~1api~1repos~1{id}~1tools~1{name}/post/responses").has("400")).isTrue();
  }

  @Test
  void keepsTheTokenInAFileOnlyItsOwnerCanRead() throws IOException {
    Path file = workspace.resolve(".atelier").resolve(InstallToken.FILE_NAME);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(token).matches("[A-Za-z0-9_-]{43}");
  }

  @Test
  void malformedRequestsAreJsonRpcErrorsWithoutStackTraces() {
    for (String body :
        new String[] {
          "{not json", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":7}", "[]"
        }) {
      HttpResponse<String> response =
          http.send(authorized().POST(HttpRequest.BodyPublishers.ofString(body)));

      assertThat(response.statusCode()).as(body).isBetween(200, 499);
      assertThat(response.body())
          .as(body)
          .doesNotContain("\tat ", "at io.modelcontextprotocol", "Exception:", "stackTrace");
    }
  }

  @Test
  void anOversizedChunkedBodyIs413() {
    byte[] chunk = new byte[64 * 1024];
    java.util.Arrays.fill(chunk, (byte) ' ');
    // Just over the 10 MiB limit: what the server does not read, Tomcat swallows before closing.
    java.util.List<byte[]> chunks = java.util.Collections.nCopies(162, chunk);
    HttpResponse<String> response =
        http.send(authorized().POST(HttpRequest.BodyPublishers.ofByteArrays(chunks)));

    assertThat(response.statusCode()).isEqualTo(413);
  }

  private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}";
  private static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

  private static HttpRequest.Builder mcpRequest() {
    return HttpRequest.newBuilder(URI.create(server.url() + "/mcp"))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream");
  }

  private static HttpRequest.Builder authorized() {
    return mcpRequest().header("Authorization", "Bearer " + token);
  }

  private static HttpResponse<String> mcp(String session, String body) {
    HttpRequest.Builder request = authorized().POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      request.header("Mcp-Session-Id", session);
    }
    return http.send(request);
  }

  /** The JSON-RPC message of a response, sent as plain JSON or as one server-sent event. */
  private static JsonNode message(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    String body = response.body();
    if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
      body =
          body.lines()
              .filter(line -> line.startsWith("data:"))
              .map(line -> line.substring("data:".length()).strip())
              .findFirst()
              .orElseThrow();
    }
    return json.readTree(body);
  }

  private static String toolCall(int id, String tool, String arguments) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + id
        + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
        + tool
        + "\",\"arguments\":"
        + arguments
        + "}}";
  }

  private static HttpResponse<String> callRest(String tool, String arguments) {
    return http.post(
        "/api/repos/" + repositoryId + "/tools/" + tool,
        "application/json",
        HttpRequest.BodyPublishers.ofString(arguments));
  }

  private static String problemType(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .contains("application/problem+json");
    return http.json(response).get("type").asString();
  }

  /** The workspace's repository id, once serve has indexed it (tools answer from then on). */
  private static long awaitIndexed() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode repos = http.json(http.get("/api/repos"));
      if (!repos.isEmpty()
          && repos.get(0).get("branches").size() > 0
          && repos.get(0).get("branches").get(0).get("state").asString().equals("ready")) {
        return repos.get(0).get("id").asLong();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the workspace was not indexed within 90 s");
  }
}
