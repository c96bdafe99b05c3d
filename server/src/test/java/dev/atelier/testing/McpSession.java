package dev.atelier.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An MCP session over streamable HTTP at {@code /mcp}, as the client {@code http} signs in. */
public final class McpSession {

  private final Http http;
  private final String session;
  private final JsonMapper json = JsonMapper.builder().build();
  private final AtomicInteger ids = new AtomicInteger(1);

  private McpSession(Http http, String session) {
    this.http = http;
    this.session = session;
  }

  /** Initializes a session (initialize, then notifications/initialized). */
  public static McpSession open(Http http) {
    HttpResponse<String> initialize =
        send(
            http,
            null,
            "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":"
                + "\"1\"}}}");
    assertThat(initialize.statusCode()).as(initialize.body()).isEqualTo(200);
    String session = initialize.headers().firstValue("Mcp-Session-Id").orElseThrow();
    HttpResponse<String> initialized =
        send(http, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    assertThat(initialized.statusCode()).isEqualTo(202);
    return new McpSession(http, session);
  }

  /** {@code tools/list}'s result. */
  public JsonNode tools() {
    return message(
            "{\"jsonrpc\":\"2.0\",\"id\":" + ids.incrementAndGet() + ",\"method\":\"tools/list\"}")
        .get("result");
  }

  /** A tool call's result ({@code content}, {@code structuredContent}, {@code isError}). */
  public JsonNode call(String tool, String arguments) {
    JsonNode answer =
        message(
            "{\"jsonrpc\":\"2.0\",\"id\":"
                + ids.incrementAndGet()
                + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
                + tool
                + "\",\"arguments\":"
                + arguments
                + "}}");
    assertThat(answer.has("result")).as(answer.toString()).isTrue();
    return answer.get("result");
  }

  /** The text of a call that must succeed. */
  public String text(String tool, String arguments) {
    JsonNode result = call(tool, arguments);
    assertThat(result.path("isError").asBoolean()).as(result.toString()).isFalse();
    return result.at("/content/0/text").asString();
  }

  /** The message of a call that must fail as a tool error. */
  public String error(String tool, String arguments) {
    JsonNode result = call(tool, arguments);
    assertThat(result.path("isError").asBoolean()).as(result.toString()).isTrue();
    return result.at("/content/0/text").asString();
  }

  private JsonNode message(String body) {
    HttpResponse<String> response = send(http, session, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String text = response.body();
    if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
      text =
          text.lines()
              .filter(line -> line.startsWith("data:"))
              .map(line -> line.substring("data:".length()).strip())
              .findFirst()
              .orElseThrow();
    }
    return json.readTree(text);
  }

  private static HttpResponse<String> send(Http http, String session, String body) {
    HttpRequest.Builder request =
        http.request("/mcp")
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      request.header("Mcp-Session-Id", session);
    }
    return http.send(request);
  }
}
