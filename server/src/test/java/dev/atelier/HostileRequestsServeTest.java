package dev.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.cli.RunningServer;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint of the OpenAPI document, called anonymously and with hostile ids and values: the
 * answer is always a 4xx (or success) RFC 9457 problem, never a 500 or an HTML page. The list of
 * operations walked is printed, so a new endpoint is covered by being documented.
 */
class HostileRequestsServeTest {

  private static final List<String> HOSTILE_IDS =
      List.of(
          "0",
          "-1",
          "99999999999999999999",
          "abc",
          "%00",
          "a%2Fb",
          "1%20OR%201=1",
          "x".repeat(3000));
  private static final List<String> HOSTILE_VALUES =
      List.of("%00", "..%2F..%2Fetc%2Fpasswd", "%C0%AE", "%FF%FE", "x".repeat(3000), "%5B", "%25");

  @TempDir static Path workspace;
  private static RunningServer server;
  private static Http owner;
  private static Http anonymous;
  private static JsonNode openApi;

  @BeforeAll
  static void start() throws IOException {
    Files.writeString(workspace.resolve("A.java"), "class A { void a() {} }\n");
    server = new AtelierServer().start(AtelierSettings.local(workspace).withPort(0));
    owner = Http.withInstallToken(server.url(), workspace.resolve(".atelier"));
    anonymous = owner.anonymous();
    openApi = owner.json(anonymous.get("/api/openapi.json"));
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private record Operation(String method, String path, List<String> queryParameters) {}

  private static List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : openApi.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
        List<String> query = new ArrayList<>();
        JsonNode parameters = method.getValue().path("parameters");
        for (JsonNode parameter : parameters) {
          if (parameter.path("in").asString().equals("query")) {
            query.add(parameter.get("name").asString());
          }
        }
        operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), query));
      }
    }
    return operations;
  }

  private static final java.util.Set<String> OPEN =
      java.util.Set.of(
          "/api/health",
          "/api/auth/local",
          "/api/auth/register",
          "/api/auth/login",
          "/api/auth/refresh",
          "/api/auth/logout",
          "/api/auth/password/forgot",
          "/api/auth/password/reset",
          "/api/openapi.json");

  @Test
  void everyEndpointRefusesAnAnonymousCaller() {
    TreeSet<String> covered = new TreeSet<>();
    for (Operation operation : operations()) {
      if (OPEN.contains(operation.path())) {
        continue;
      }
      HttpResponse<String> response =
          anonymous.send(
              request(anonymous, operation, operation.path().replaceAll("\\{[^}]+}", "1")));
      assertThat(response.statusCode()).as(operation.toString()).isEqualTo(401);
      covered.add(operation.method() + " " + operation.path());
    }
    System.out.println("anonymous calls refused on: " + covered);
    assertThat(covered).hasSizeGreaterThan(10);
  }

  @Test
  void hostileIdsAndValuesOnEveryEndpointAreProblemsNotServerErrors() {
    TreeSet<String> covered = new TreeSet<>();
    List<String> failures = new ArrayList<>();
    for (Operation operation : operations()) {
      List<String> paths = new ArrayList<>();
      if (operation.path().contains("{")) {
        for (String id : HOSTILE_IDS) {
          paths.add(operation.path().replaceAll("\\{[^}]+}", id));
        }
      }
      String plain = operation.path().replaceAll("\\{[^}]+}", "1");
      for (String parameter : operation.queryParameters()) {
        for (String value : HOSTILE_VALUES) {
          paths.add(plain + "?" + parameter + "=" + value);
        }
      }
      for (String path : paths) {
        HttpResponse<String> response = owner.send(request(owner, operation, path));
        String type = response.headers().firstValue("Content-Type").orElse("");
        boolean fine =
            response.statusCode() < 500
                && (response.statusCode() < 400 || type.startsWith("application/problem+json"));
        if (!fine) {
          failures.add(
              operation.method()
                  + " "
                  + abbreviated(path)
                  + " -> "
                  + response.statusCode()
                  + " "
                  + type);
        }
      }
      covered.add(operation.method() + " " + operation.path());
    }
    System.out.println("hostile values sent to: " + covered);
    assertThat(failures).isEmpty();
  }

  @Test
  void hostileBodiesArePlainProblems() {
    for (String body :
        new String[] {
          "{\"path\": \"/tmp/a\\u0000b\"}",
          "{\"gitUrl\": \"https://example.com/a%00.git\"}",
          "{\"path\": 17}",
          "[1,2",
          "",
          "{\"path\": \"" + "x".repeat(100_000) + "\"}"
        }) {
      HttpResponse<String> response =
          owner.post("/api/repos", "application/json", HttpRequest.BodyPublishers.ofString(body));
      assertThat(response.statusCode())
          .as(body.length() > 50 ? body.substring(0, 50) : body)
          .isBetween(400, 499);
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
    }
  }

  @Test
  void theErrorPathItselfIsNotAServerError() {
    HttpResponse<String> response = owner.get("/error");

    assertThat(response.statusCode()).isBetween(400, 499);
  }

  @Test
  void whatTomcatRefusesItselfIsAProblemDocumentToo() throws IOException {
    for (String raw :
        new String[] {
          "GET /api/repos/1%2F2/files HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
          "GET /api/repos?"
              + "q".repeat(70_000)
              + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
          "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
              + "h".repeat(70_000)
              + "\r\nConnection: close\r\n\r\n",
          "GET /api/repos/%ZZ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        }) {
      String answer = rawExchange(raw);
      assertThat(answer).as(raw.substring(0, 40)).matches("(?s)HTTP/1\\.1 4\\d\\d .*");
      assertThat(answer).as(raw.substring(0, 40)).containsIgnoringCase("application/problem+json");
      assertThat(answer).doesNotContainIgnoringCase("<html");
    }
  }

  private static String rawExchange(String raw) throws IOException {
    URI base = URI.create(server.url());
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    } catch (java.net.SocketException e) {
      return "closed: " + e.getMessage();
    }
  }

  private static HttpRequest.Builder request(Http http, Operation operation, String path) {
    HttpRequest.Builder request = http.request(path);
    return switch (operation.method()) {
      case "GET" -> request.GET();
      case "DELETE" -> request.DELETE();
      default ->
          request
              .header("Content-Type", "application/json")
              .method(operation.method(), HttpRequest.BodyPublishers.ofString("{}"));
    };
  }

  private static String abbreviated(String path) {
    return path.length() > 120 ? path.substring(0, 120) + "..." : path;
  }
}
