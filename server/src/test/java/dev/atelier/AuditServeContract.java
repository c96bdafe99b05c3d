package dev.atelier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.cli.RunningServer;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.testing.Http;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The audit trail over HTTP: what a mutation and a sign-in leave behind, on either database. */
abstract class AuditServeContract {

  abstract AtelierSettings settings(Path workspace);

  abstract Connection connect(Path workspace) throws SQLException;

  @Test
  void mutationsAndSignInsLeaveOneRowEachWithoutSecrets(@TempDir Path workspace) throws Exception {
    Path other = Files.createDirectories(workspace.resolve("other"));
    Files.writeString(other.resolve("A.java"), "class A {}\n");
    RunningServer server =
        new AtelierServer()
            .start(
                settings(workspace), Map.of("atelier.repos.roots", workspace.toString()), Map.of())
            .server();
    try {
      Http owner = Http.withInstallToken(server.url(), workspace.resolve(".atelier"));
      HttpResponse<String> added =
          owner.post(
              "/api/repos",
              "application/json",
              HttpRequest.BodyPublishers.ofString("{\"path\": \"" + other + "\"}"));
      assertThat(added.statusCode()).isEqualTo(201);
      String id = owner.json(added).get("id").asString();
      String link = server.loginUrl();
      String code = link.substring(link.indexOf("code=") + 5);
      URI login = URI.create(link);
      owner.anonymous().get(login.getRawPath() + "?" + login.getRawQuery());
      owner.anonymous().get("/api/auth/local?code=guessed-code");

      JsonNode repository =
          owner.json(owner.get("/api/audit?entityType=repository")).get("entries");
      JsonNode sessions = owner.json(owner.get("/api/audit?entityType=session")).get("entries");

      assertThat(repository).hasSize(1);
      JsonNode row = repository.get(0);
      assertThat(row.get("action").asString()).isEqualTo("created");
      assertThat(row.get("entityId").asString()).isEqualTo(id);
      assertThat(row.get("userId").asString()).isEqualTo("1");
      assertThat(row.get("actorType").asString()).isEqualTo("user");
      assertThat(row.get("requestId").asString()).isNotBlank();
      assertThat(row.get("ip").asString()).isNotBlank();
      assertThat(row.at("/newValues/location").asString()).isEqualTo(other.toRealPath().toString());
      assertThat(sessions)
          .extracting(s -> s.get("action").asString())
          .containsExactly("login-failed", "login");
      String everything = owner.get("/api/audit?limit=500").body();
      assertThat(everything).doesNotContain(code).doesNotContain(owner.bearerForTests());

      JsonNode first = owner.json(owner.get("/api/audit?limit=1"));
      JsonNode second =
          owner.json(owner.get("/api/audit?limit=1&before=" + first.get("nextBefore").asLong()));
      assertThat(second.at("/entries/0/id").asLong())
          .isLessThan(first.at("/entries/0/id").asLong());
      assertThat(owner.get("/api/audit?from=yesterday").statusCode()).isEqualTo(400);
    } finally {
      server.stop();
    }
    try (Connection connection = connect(workspace)) {
      assertThatThrownBy(
              () -> connection.createStatement().executeUpdate("update audit_log set action = 'x'"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> connection.createStatement().executeUpdate("delete from audit_log"))
          .hasMessageContaining("append-only");
    }
  }
}
