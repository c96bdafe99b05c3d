package dev.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.cli.RunningServer;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.testing.Http;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * Every mutating endpoint of the OpenAPI document, called once for real, leaves exactly one audit
 * row with the action it names. The few that change no entity are listed with the reason; a new
 * mutating endpoint that is neither called here nor listed fails the test.
 */
abstract class AuditCoverageContract {

  abstract AtelierSettings settings(Path workspace);

  abstract Connection connect(Path workspace) throws java.sql.SQLException;

  /** Mutating endpoints that record no row of their own, and why. */
  private static final Map<String, String> NOT_AUDITED =
      Map.of(
          "POST /api/auth/refresh", "rotates a token of a session; its reuse is audited",
          "POST /api/auth/ticket", "a one-minute ticket to read the session's event streams",
          "POST /api/repos/{id}/notify/file-changed", "a re-index trigger, not an edit",
          "POST /api/notify/file-changed", "a re-index trigger, not an edit",
          "POST /api/auth/oauth/{provider}/link",
              "starts a provider round-trip; the link itself is audited when it completes");

  @TempDir Path workspace;
  private final Set<String> covered = new TreeSet<>();
  private Connection database;

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void everyMutationLeavesExactlyOneAuditRow(CapturedOutput log) throws Exception {
    Files.writeString(workspace.resolve("A.java"), "class A {}\n");
    Path other = Files.createDirectories(workspace.resolve("other"));
    Files.writeString(other.resolve("B.java"), "class B {}\n");
    RunningServer server =
        new AtelierServer()
            .start(
                settings(workspace), Map.of("atelier.repos.roots", workspace.toString()), Map.of())
            .server();
    database = connect(workspace);
    try {
      Http owner = Http.withInstallToken(server.url(), workspace.resolve(".atelier"));
      Http anonymous = owner.anonymous();

      JsonNode repository =
          once(
              "POST /api/repos",
              "created",
              201,
              () -> owner.json("POST", "/api/repos", "{\"path\": \"" + other + "\"}"));
      long repoId = repository.get("id").asLong();
      awaitIndexed(owner, repoId);
      once(
          "POST /api/repos/{id}/tools/{name}",
          "tool:record_learning",
          200,
          () ->
              owner.json(
                  "POST",
                  "/api/repos/" + repoId + "/tools/record_learning",
                  "{\"content\": \"B is the other class\", \"kind\": \"convention\"}"));
      JsonNode key =
          once(
              "POST /api/keys",
              "created",
              201,
              () -> owner.json("POST", "/api/keys", "{\"name\": \"k\", \"scopes\": [\"read\"]}"));
      once(
          "DELETE /api/keys/{id}",
          "revoked",
          204,
          () -> owner.delete("/api/keys/" + key.at("/key/id").asLong()));
      once(
          "POST /api/auth/login-links",
          "created",
          200,
          () -> owner.json("POST", "/api/auth/login-links", "{}"));

      String memberCode =
          code(
              once(
                  "POST /api/orgs/{id}/invitations",
                  "created",
                  201,
                  () ->
                      owner.json(
                          "POST",
                          "/api/orgs/1/invitations",
                          "{\"email\": \"mia@example.com\", \"role\": \"member\"}")));
      JsonNode pending =
          owner.json(
              owner.json(
                  "POST",
                  "/api/orgs/1/invitations",
                  "{\"email\": \"nobody@example.com\", \"role\": \"viewer\"}"));
      once(
          "DELETE /api/orgs/{id}/invitations/{invitationId}",
          "revoked",
          204,
          () -> owner.delete("/api/orgs/1/invitations/" + pending.get("id").asLong()));
      JsonNode mia =
          once(
              "POST /api/auth/register",
              "created",
              201,
              () ->
                  anonymous.json(
                      "POST",
                      "/api/auth/register",
                      "{\"email\": \"mia@example.com\", \"password\": \"every-row-counts\","
                          + " \"invitation\": \""
                          + memberCode
                          + "\"}"));
      long miaId = mia.at("/identity/userId").asLong();
      Http miaClient = anonymous.withBearer(mia.get("accessToken").asString());
      JsonNode login =
          once(
              "POST /api/auth/login",
              "login",
              200,
              () ->
                  anonymous.json(
                      "POST",
                      "/api/auth/login",
                      "{\"email\": \"mia@example.com\", \"password\": \"every-row-counts\"}"));
      Http miaAgain = anonymous.withBearer(login.get("accessToken").asString());
      once(
          "PATCH /api/orgs/{id}/members/{userId}",
          "role-changed",
          200,
          () -> owner.json("PATCH", "/api/orgs/1/members/" + miaId, "{\"role\": \"admin\"}"));

      JsonNode project =
          once(
              "POST /api/projects",
              "created",
              201,
              () -> owner.json("POST", "/api/projects", "{\"name\": \"Audited\"}"));
      long projectId = project.get("id").asLong();
      once(
          "PATCH /api/projects/{id}",
          "updated",
          200,
          () ->
              owner.json(
                  "PATCH", "/api/projects/" + projectId, "{\"description\": \"all of it\"}"));
      once(
          "POST /api/projects/{id}/members",
          "created",
          200,
          () ->
              owner.json(
                  "POST",
                  "/api/projects/" + projectId + "/members",
                  "{\"userId\": " + miaId + "}"));
      once(
          "DELETE /api/projects/{id}/members/{userId}",
          "deleted",
          204,
          () -> owner.delete("/api/projects/" + projectId + "/members/" + miaId));
      once(
          "DELETE /api/projects/{id}",
          "deleted",
          204,
          () -> owner.delete("/api/projects/" + projectId));

      long channelId =
          once(
                  "POST /api/channels",
                  "created",
                  201,
                  () -> owner.json("POST", "/api/channels", "{\"name\": \"audited\"}"))
              .get("id")
              .asLong();
      once(
          "PATCH /api/channels/{id}",
          "updated",
          200,
          () -> owner.json("PATCH", "/api/channels/" + channelId, "{\"topic\": \"all rows\"}"));
      once(
          "POST /api/channels/{id}/members",
          "created",
          200,
          () ->
              owner.json(
                  "POST",
                  "/api/channels/" + channelId + "/members",
                  "{\"userId\": " + miaId + "}"));
      once(
          "DELETE /api/channels/{id}/members/{userId}",
          "deleted",
          204,
          () -> owner.delete("/api/channels/" + channelId + "/members/" + miaId));
      long messageId =
          once(
                  "POST /api/messages",
                  "created",
                  201,
                  () ->
                      owner.json(
                          "POST",
                          "/api/messages",
                          "{\"channelId\": " + channelId + ", \"body\": \"first\"}"))
              .get("id")
              .asLong();
      once(
          "PATCH /api/messages/{id}",
          "updated",
          200,
          () -> owner.json("PATCH", "/api/messages/" + messageId, "{\"body\": \"second\"}"));
      once(
          "POST /api/messages/{id}/reactions/{emoji}",
          "created",
          200,
          () -> owner.json("POST", "/api/messages/" + messageId + "/reactions/+1", ""));
      once(
          "DELETE /api/messages/{id}/reactions/{emoji}",
          "deleted",
          204,
          () -> owner.delete("/api/messages/" + messageId + "/reactions/+1"));
      once(
          "DELETE /api/messages/{id}",
          "deleted",
          204,
          () -> owner.delete("/api/messages/" + messageId));
      once(
          "DELETE /api/channels/{id}",
          "deleted",
          204,
          () -> owner.delete("/api/channels/" + channelId));

      once(
          "PATCH /api/me",
          "updated",
          200,
          () -> miaClient.json("PATCH", "/api/me", "{\"displayName\": \"Mia M.\"}"));
      JsonNode newOrg =
          once(
              "POST /api/orgs",
              "created",
              201,
              () -> miaClient.json("POST", "/api/orgs", "{\"name\": \"Mia's side project\"}"));
      JsonNode switched =
          once(
              "POST /api/auth/token",
              "org-switched",
              200,
              () ->
                  miaClient.json(
                      "POST", "/api/auth/token", "{\"orgId\": " + newOrg.get("id").asLong() + "}"));
      Http miaElsewhere = anonymous.withBearer(switched.get("accessToken").asString());
      String joinCode =
          code(
              miaElsewhere.json(
                  miaElsewhere.json(
                      "POST",
                      "/api/orgs/" + newOrg.get("id").asLong() + "/invitations",
                      "{\"email\": \"noah@example.com\", \"role\": \"member\"}")));
      JsonNode noah =
          anonymous.json(
              anonymous.json(
                  "POST",
                  "/api/auth/register",
                  "{\"email\": \"noah@example.com\", \"password\": \"every-row-counts\"}"));
      Http noahClient = anonymous.withBearer(noah.get("accessToken").asString());
      once(
          "POST /api/invitations/accept",
          "accepted",
          200,
          () ->
              noahClient.json(
                  "POST", "/api/invitations/accept", "{\"code\": \"" + joinCode + "\"}"));
      once(
          "POST /api/orgs/{id}/transfer",
          "ownership-transferred",
          200,
          () ->
              miaElsewhere.json(
                  "POST",
                  "/api/orgs/" + newOrg.get("id").asLong() + "/transfer",
                  "{\"userId\": " + noah.at("/identity/userId").asLong() + "}"));

      assertThat(
              miaElsewhere
                  .delete("/api/orgs/" + newOrg.get("id").asLong() + "/members/" + miaId)
                  .statusCode())
          .isEqualTo(204);
      once(
          "POST /api/me/password",
          "password-changed",
          204,
          () ->
              miaClient.json(
                  "POST",
                  "/api/me/password",
                  "{\"currentPassword\": \"every-row-counts\", \"newPassword\": \"still-every-row\"}"));
      once(
          "POST /api/auth/password/forgot",
          "password-reset-requested",
          202,
          () ->
              anonymous.json(
                  "POST", "/api/auth/password/forgot", "{\"email\": \"mia@example.com\"}"));
      String output = log.getAll();
      String resetCode =
          output.substring(output.lastIndexOf("/reset-password?code=") + 21).split("\\s")[0];
      once(
          "POST /api/auth/password/reset",
          "password-reset",
          204,
          () ->
              anonymous.json(
                  "POST",
                  "/api/auth/password/reset",
                  "{\"code\": \"" + resetCode + "\", \"password\": \"reset-and-audited\"}"));

      JsonNode first = signIn(anonymous, "noah@example.com");
      JsonNode second = signIn(anonymous, "noah@example.com");
      Http noahFirst = anonymous.withBearer(first.get("accessToken").asString());
      String secondSession = sessionOf(noahFirst, second);
      once(
          "DELETE /api/me/sessions/{id}",
          "revoked",
          204,
          () -> noahFirst.delete("/api/me/sessions/" + secondSession));
      once(
          "POST /api/auth/logout",
          "logout",
          204,
          () -> noahFirst.json("POST", "/api/auth/logout", "{}"));
      Http noahThird =
          anonymous.withBearer(signIn(anonymous, "noah@example.com").get("accessToken").asString());
      once(
          "DELETE /api/me/sessions",
          "revoked-all",
          204,
          () -> noahThird.delete("/api/me/sessions"));

      once(
          "DELETE /api/orgs/{id}/members/{userId}",
          "removed",
          204,
          () -> owner.delete("/api/orgs/1/members/" + miaId));
      Http zoe =
          anonymous.withBearer(
              anonymous
                  .json(
                      anonymous.json(
                          "POST",
                          "/api/auth/register",
                          "{\"email\": \"zoe@example.com\", \"password\": \"every-row-counts\"}"))
                  .get("accessToken")
                  .asString());
      once("DELETE /api/me", "deleted", 204, () -> zoe.delete("/api/me"));

      JsonNode openApi = owner.json(anonymous.get("/api/openapi.json"));
      TreeSet<String> mutating = new TreeSet<>();
      for (Map.Entry<String, JsonNode> path : openApi.get("paths").properties()) {
        for (String method : path.getValue().propertyNames()) {
          if (!method.equals("get")) {
            mutating.add(method.toUpperCase() + " " + path.getKey());
          }
        }
      }
      mutating.removeAll(NOT_AUDITED.keySet());
      mutating.removeAll(covered);
      System.out.println("audited mutations: " + covered);
      assertThat(mutating).as("mutating endpoints without an audit check").isEmpty();
    } finally {
      database.close();
      server.stop();
    }
  }

  /** Calls a mutation and checks it added exactly one audit row, with this action. */
  private JsonNode once(
      String operation, String action, int status, Supplier<HttpResponse<String>> call)
      throws Exception {
    long before = rows();
    HttpResponse<String> response = call.get();
    assertThat(response.statusCode()).as(operation + ": " + response.body()).isEqualTo(status);
    assertThat(rows()).as(operation + " adds one audit row").isEqualTo(before + 1);
    try (ResultSet last =
        database
            .createStatement()
            .executeQuery("select action from audit_log order by id desc limit 1")) {
      last.next();
      assertThat(last.getString(1)).as(operation).isEqualTo(action);
    }
    covered.add(operation);
    String body = response.body();
    return new tools.jackson.databind.json.JsonMapper()
        .readTree(body == null || body.isBlank() ? "{}" : body);
  }

  private long rows() throws Exception {
    try (ResultSet count =
        database.createStatement().executeQuery("select count(*) from audit_log")) {
      count.next();
      return count.getLong(1);
    }
  }

  private static void awaitIndexed(Http owner, long repoId) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (owner
            .json("POST", "/api/repos/" + repoId + "/tools/search_symbols", "{\"query\": \"B\"}")
            .statusCode()
        != 200) {
      assertThat(System.nanoTime()).as("indexed within a minute").isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private static String code(JsonNode invitation) {
    String link = invitation.get("link").asString();
    return link.substring(link.indexOf("code=") + 5);
  }

  private static JsonNode signIn(Http anonymous, String email) {
    return anonymous.json(
        anonymous.json(
            "POST",
            "/api/auth/login",
            "{\"email\": \"" + email + "\", \"password\": \"every-row-counts\"}"));
  }

  private static String sessionOf(Http client, JsonNode other) {
    Http them = client.anonymous().withBearer(other.get("accessToken").asString());
    for (JsonNode session : them.json(them.get("/api/me/sessions"))) {
      if (session.get("current").asBoolean()) {
        return session.get("id").asString();
      }
    }
    throw new AssertionError("no current session");
  }
}
