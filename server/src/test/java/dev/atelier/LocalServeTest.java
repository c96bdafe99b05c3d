package dev.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.cli.RunningServer;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.testing.Http;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code serve} in local mode, over real HTTP, on a real SQLite file. */
class LocalServeTest {

  private static final long LIMIT = 64 * 1024;

  @TempDir static Path workspace;
  private static RunningServer server;
  private static Http http;

  @BeforeAll
  static void start() {
    server =
        new AtelierServer()
            .start(AtelierSettings.local(workspace).withPort(0).withMaxRequestBytes(LIMIT));
    http = Http.withInstallToken(server.url(), workspace.resolve(".atelier"));
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void healthReportsLocalModeOnSqlite() {
    HttpResponse<String> response = http.get("/api/health");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode health = http.json(response);
    assertThat(health.get("status").asString()).isEqualTo("UP");
    assertThat(health.get("mode").asString()).isEqualTo("local");
    assertThat(health.get("database").asString()).isEqualTo("sqlite");
    assertThat(health.get("version").asString()).doesNotContain("project.version");
  }

  @Test
  void keepsItsDataInTheWorkspaceAtelierFolderInWalMode() throws SQLException {
    Path file = workspace.resolve(".atelier/atelier.db");
    assertThat(file).exists();

    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        ResultSet mode = connection.createStatement().executeQuery("pragma journal_mode")) {
      assertThat(mode.next()).isTrue();
      assertThat(mode.getString(1)).isEqualToIgnoringCase("wal");
    }
  }

  @Test
  void migratesTheSchemaWithFlyway() throws SQLException {
    Path file = workspace.resolve(".atelier/atelier.db");
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        ResultSet history =
            connection
                .createStatement()
                .executeQuery(
                    "select version, success from flyway_schema_history where version = '1'");
        ResultSet org =
            connection.createStatement().executeQuery("select slug from orgs where id = 1")) {
      assertThat(history.next()).isTrue();
      assertThat(history.getBoolean("success")).isTrue();
      assertThat(org.next()).isTrue();
      assertThat(org.getString("slug")).isEqualTo("local");
    }
  }

  @Test
  void answersAnUnknownPathWithAProblemAndNoStackTrace() {
    HttpResponse<String> response = http.get("/api/no-such-thing");

    assertThat(response.statusCode()).isEqualTo(404);
    assertProblem(response);
    assertThat(response.body()).doesNotContain("Exception", "trace", "at org.");
  }

  @Test
  void refusesAnOversizedBodyWithA413Problem() {
    HttpResponse<String> response =
        http.post(
            "/api/health",
            "application/json",
            HttpRequest.BodyPublishers.ofByteArray(new byte[(int) LIMIT + 1]));

    assertThat(response.statusCode()).isEqualTo(413);
    JsonNode problem = assertProblem(response);
    assertThat(problem.get("type").asString()).endsWith("/problems/payload-too-large");
    assertThat(problem.get("detail").asString()).contains(String.valueOf(LIMIT));
  }

  @Test
  void answersAWrongMethodWithA405Problem() {
    HttpResponse<String> response =
        http.post("/api/health", "application/json", HttpRequest.BodyPublishers.ofString("{}"));

    assertThat(response.statusCode()).isEqualTo(405);
    assertProblem(response);
  }

  @Test
  void echoesASaneRequestIdAndReplacesAHostileOne() {
    HttpResponse<String> sane =
        http.send(
            HttpRequest.newBuilder(java.net.URI.create(server.url() + "/api/health"))
                .header("X-Request-Id", "trace-42"));
    HttpResponse<String> hostile =
        http.send(
            HttpRequest.newBuilder(java.net.URI.create(server.url() + "/api/health"))
                .header("X-Request-Id", "x\" forged=1 {}"));

    assertThat(sane.headers().firstValue("X-Request-Id")).hasValue("trace-42");
    assertThat(hostile.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f]{16}");
  }

  @Test
  void exposesPrometheusMetrics() {
    HttpResponse<String> response = http.get("/actuator/prometheus");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("jvm_memory_used_bytes", "application=\"atelier\"");
  }

  @Test
  void publishesTheOpenApiDocumentAtApiOpenapiJson() {
    HttpResponse<String> response = http.get("/api/openapi.json");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode openapi = http.json(response);
    assertThat(openapi.get("info").get("title").asString()).isEqualTo("Atelier API");
    assertThat(openapi.get("paths").has("/api/health")).isTrue();
  }

  @Test
  void writesNothingOutsideTheDataFolder() throws Exception {
    try (var entries = Files.list(workspace)) {
      assertThat(entries.map(p -> p.getFileName().toString())).containsExactly(".atelier");
    }
  }

  private static JsonNode assertProblem(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = http.json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
    assertThat(problem.has("title")).isTrue();
    assertThat(problem.has("instance")).isTrue();
    assertThat(problem.get("requestId").asString()).isNotBlank();
    return problem;
  }
}
