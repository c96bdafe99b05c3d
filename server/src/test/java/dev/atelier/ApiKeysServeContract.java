package dev.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.cli.RunningServer;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.testing.Http;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** API keys over HTTP: shown once, stored hashed, narrowed by scopes, revocable, audited. */
abstract class ApiKeysServeContract {

  abstract AtelierSettings settings(Path workspace);

  abstract Connection connect(Path workspace) throws SQLException;

  @Test
  void aKeyIsShownOnceStoredHashedNarrowedByItsScopesAndRevocable(@TempDir Path workspace)
      throws Exception {
    RunningServer server =
        new AtelierServer().start(settings(workspace), Map.of(), Map.of()).server();
    try {
      Http owner = Http.withInstallToken(server.url(), workspace.resolve(".atelier"));
      HttpResponse<String> made = make(owner, "{\"name\": \"ci\", \"scopes\": [\"read\"]}");
      assertThat(made.statusCode()).isEqualTo(201);
      String secret = owner.json(made).get("secret").asString();
      long id = owner.json(made).at("/key/id").asLong();
      assertThat(secret).startsWith("atl_");
      Http reader = owner.withBearer(secret);

      assertThat(reader.get("/api/repos").statusCode()).isEqualTo(200);
      HttpResponse<String> write =
          reader.post("/api/repos", "application/json", HttpRequest.BodyPublishers.ofString("{}"));
      assertThat(write.statusCode()).isEqualTo(403);
      assertThat(reader.json(write).get("detail").asString()).contains("needs 'write'");
      assertThat(reader.get("/api/keys").statusCode()).isEqualTo(403);
      assertThat(
              reader
                  .post("/mcp", "application/json", HttpRequest.BodyPublishers.ofString("{}"))
                  .statusCode())
          .isEqualTo(403);

      JsonNode listed = owner.json(owner.get("/api/keys"));
      JsonNode mine = null;
      for (JsonNode key : listed) {
        if (key.get("id").asLong() == id) {
          mine = key;
        }
      }
      assertThat(mine).isNotNull();
      assertThat(mine.get("lastUsedAt").isNull()).isFalse();
      assertThat(owner.get("/api/keys").body()).doesNotContain(secret.substring(17));
      try (Connection connection = connect(workspace);
          ResultSet rows =
              connection
                  .createStatement()
                  .executeQuery("select secret_hash from api_keys where id = " + id)) {
        rows.next();
        assertThat(rows.getString(1)).hasSize(64).doesNotContain(secret.substring(17));
      }

      assertThat(owner.send(owner.request("/api/keys/" + id).DELETE()).statusCode()).isEqualTo(204);
      assertThat(reader.get("/api/repos").statusCode()).isEqualTo(401);
      assertThat(owner.send(owner.request("/api/keys/" + id).DELETE()).statusCode()).isEqualTo(404);
      assertThat(
              owner.withBearer("atl_aaaaaaaaaaaa_" + "b".repeat(43)).get("/api/repos").statusCode())
          .isEqualTo(401);

      String audit = owner.get("/api/audit?entityType=api-key").body();
      assertThat(owner.json(owner.get("/api/audit?entityType=api-key")).get("entries"))
          .filteredOn(e -> e.get("entityId").asString().equals(Long.toString(id)))
          .extracting(e -> e.get("action").asString())
          .containsExactly("revoked", "created");
      assertThat(audit).doesNotContain(secret.substring(17));
    } finally {
      server.stop();
    }
  }

  @Test
  void badRequestsForKeysAreProblems(@TempDir Path workspace) {
    RunningServer server =
        new AtelierServer().start(settings(workspace), Map.of(), Map.of()).server();
    try {
      Http owner = Http.withInstallToken(server.url(), workspace.resolve(".atelier"));

      assertThat(make(owner, "{\"name\": \"x\", \"scopes\": []}").statusCode()).isEqualTo(400);
      assertThat(make(owner, "{\"name\": \"x\", \"scopes\": [\"root\"]}").statusCode())
          .isEqualTo(400);
      assertThat(make(owner, "{\"name\": \"\", \"scopes\": [\"read\"]}").statusCode())
          .isEqualTo(400);
      assertThat(
              make(owner, "{\"name\": \"x\", \"scopes\": [\"read\"], \"expiresInDays\": 0}")
                  .statusCode())
          .isEqualTo(400);
      HttpResponse<String> admin = make(owner, "{\"name\": \"a\", \"scopes\": [\"admin\"]}");
      Http adminKey = owner.withBearer(owner.json(admin).get("secret").asString());
      assertThat(make(adminKey, "{\"name\": \"b\", \"scopes\": [\"mcp\"]}").statusCode())
          .isEqualTo(201);
    } finally {
      server.stop();
    }
  }

  private static HttpResponse<String> make(Http http, String body) {
    return http.post("/api/keys", "application/json", HttpRequest.BodyPublishers.ofString(body));
  }
}
