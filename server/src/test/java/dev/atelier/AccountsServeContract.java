package dev.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.cli.RunningServer;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.testing.Http;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * Accounts over real HTTP, on both databases: registration makes an owned org, password sign-in
 * answers tokens, refresh tokens rotate and their reuse ends the session, orgs do not see each
 * other's data, roles hold (a viewer writes nothing), invitations, removal and logout take effect
 * on the next request.
 */
abstract class AccountsServeContract {

  abstract AtelierSettings settings(Path workspace);

  @TempDir Path workspace;
  RunningServer server;
  Http anonymous;

  @BeforeEach
  void start() {
    server =
        new AtelierServer()
            .start(
                settings(workspace).withAuthRequired(true),
                Map.of(
                    "atelier.auth.registration",
                    "open",
                    "atelier.repos.roots",
                    workspace.toString()),
                Map.of())
            .server();
    anonymous = new Http(server.url());
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void registersSignsInRefreshesAndDetectsARefreshReuse() {
    HttpResponse<String> registered =
        anonymous.json(
            "POST",
            "/api/auth/register",
            "{\"email\": \"Ada@Example.com\", \"password\": \"analytical-engine-1843\","
                + " \"displayName\": \"Ada\", \"orgName\": \"Engines\"}");
    assertThat(registered.statusCode()).isEqualTo(201);
    JsonNode tokens = anonymous.json(registered);
    assertThat(tokens.get("expiresIn").asLong()).isBetween(800L, 900L);
    assertThat(tokens.at("/identity/role").asString()).isEqualTo("owner");
    Http ada = anonymous.withBearer(tokens.get("accessToken").asString());
    JsonNode me = ada.json(ada.get("/api/me"));
    assertThat(me.get("email").asString()).isEqualTo("ada@example.com");
    assertThat(me.get("orgs")).hasSize(1);

    HttpResponse<String> wrong =
        anonymous.json(
            "POST", "/api/auth/login", "{\"email\": \"ada@example.com\", \"password\": \"nope\"}");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(anonymous.json(wrong).get("type").asString()).endsWith("login-failed");
    HttpResponse<String> login =
        anonymous.json(
            "POST",
            "/api/auth/login",
            "{\"email\": \"ada@example.com\", \"password\": \"analytical-engine-1843\"}");
    assertThat(login.statusCode()).isEqualTo(200);
    String refresh = anonymous.json(login).get("refreshToken").asString();
    assertThat(refresh).startsWith("atr_");

    HttpResponse<String> rotated =
        anonymous.json("POST", "/api/auth/refresh", "{\"refreshToken\": \"" + refresh + "\"}");
    assertThat(rotated.statusCode()).isEqualTo(200);
    String next = anonymous.json(rotated).get("refreshToken").asString();
    Http renewed = anonymous.withBearer(anonymous.json(rotated).get("accessToken").asString());
    assertThat(renewed.get("/api/me").statusCode()).isEqualTo(200);

    HttpResponse<String> reused =
        anonymous.json("POST", "/api/auth/refresh", "{\"refreshToken\": \"" + refresh + "\"}");
    assertThat(reused.statusCode()).isEqualTo(401);
    // The reuse revoked the family: the successor and its access token are dead too.
    assertThat(
            anonymous
                .json("POST", "/api/auth/refresh", "{\"refreshToken\": \"" + next + "\"}")
                .statusCode())
        .isEqualTo(401);
    awaitStatus(renewed, "/api/me", 401);
    JsonNode audit = ada.json(ada.get("/api/audit?entityType=session")).get("entries");
    assertThat(audit)
        .extracting(e -> e.get("action").asString())
        .contains("refresh-reuse", "login", "login-failed");
    assertThat(ada.get("/api/audit?limit=500").body())
        .doesNotContain("analytical-engine-1843")
        .doesNotContain(refresh);
  }

  @Test
  void aRepositoryAddedInAnotherOrgIsIndexedInThatOrg() throws Exception {
    Session beta = register(anonymous, "bea@example.com", "Beta");
    Path folder = Files.createDirectories(workspace.resolve("beta-code"));
    Files.writeString(folder.resolve("BetaOnly.java"), "class BetaOnly {}\n");
    Http bea = anonymous.withBearer(beta.accessToken());
    HttpResponse<String> added = bea.json("POST", "/api/repos", "{\"path\": \"" + folder + "\"}");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    long id = bea.json(added).get("id").asLong();
    long deadline = System.nanoTime() + 60_000_000_000L;
    HttpResponse<String> found;
    do {
      Thread.sleep(100);
      found = bea.get("/api/repos/" + id + "/search/symbols?q=BetaOnly");
    } while ((found.statusCode() != 200 || !found.body().contains("BetaOnly"))
        && System.nanoTime() < deadline);
    assertThat(found.body()).contains("BetaOnly");
  }

  @Test
  void refusesTamperedTokens() {
    String token = register(anonymous, "grace@example.com", "Navy").accessToken;
    String[] parts = token.split("\\.");
    String none =
        Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
            + "."
            + parts[1]
            + ".";
    String otherOrgClaim =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    new String(Base64.getUrlDecoder().decode(parts[1]))
                        .replaceFirst("\"org\":\\d+", "\"org\":1")
                        .getBytes())
            + "."
            + parts[2];
    String wrongSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(3) + "abc";
    for (String bad : new String[] {none, otherOrgClaim, wrongSignature, "eyJ.broken.jwt"}) {
      HttpResponse<String> refused = anonymous.withBearer(bad).get("/api/me");
      assertThat(refused.statusCode()).as(bad).isEqualTo(401);
      assertThat(refused.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
    }
  }

  @Test
  void orgsSeeNothingOfEachOtherAndAnotherOrgsIdsAreNotFound() throws Exception {
    Session a = register(anonymous, "alice@example.com", "Alpha");
    Session b = register(anonymous, "bob@example.com", "Beta");
    Path folder = Files.createDirectories(workspace.resolve("alpha-code"));
    Files.writeString(folder.resolve("Main.java"), "class Main {}\n");
    Http alice = anonymous.withBearer(a.accessToken);
    Http bob = anonymous.withBearer(b.accessToken);
    HttpResponse<String> project = alice.json("POST", "/api/projects", "{\"name\": \"Apollo\"}");
    assertThat(project.statusCode()).isEqualTo(201);
    long projectId = alice.json(project).get("id").asLong();

    assertThat(bob.json(bob.get("/api/projects"))).isEmpty();
    assertThat(bob.get("/api/projects/" + projectId).statusCode()).isEqualTo(404);
    assertThat(bob.json("PATCH", "/api/projects/" + projectId, "{\"name\": \"x\"}").statusCode())
        .isEqualTo(404);
    assertThat(bob.get("/api/orgs/" + a.orgId + "/members").statusCode()).isEqualTo(404);
    assertThat(bob.json(bob.get("/api/repos"))).isEmpty();
    assertThat(bob.json("POST", "/api/auth/token", "{\"orgId\": " + a.orgId + "}").statusCode())
        .isEqualTo(404);
    assertThat(bob.get("/api/audit").body()).doesNotContain("Apollo");
  }

  @Test
  void invitedViewerReadsButWritesNothingAndRemovalTakesEffect() {
    Session owner = register(anonymous, "olga@example.com", "Omega");
    Http olga = anonymous.withBearer(owner.accessToken);
    HttpResponse<String> invited =
        olga.json(
            "POST",
            "/api/orgs/" + owner.orgId + "/invitations",
            "{\"email\": \"vic@example.com\", \"role\": \"viewer\"}");
    assertThat(invited.statusCode()).isEqualTo(201);
    String link = olga.json(invited).get("link").asString();
    String code = link.substring(link.indexOf("code=") + 5);

    HttpResponse<String> joined =
        anonymous.json(
            "POST",
            "/api/auth/register",
            "{\"email\": \"vic@example.com\", \"password\": \"read-only-agent-7\", \"invitation\":"
                + " \""
                + code
                + "\"}");
    assertThat(joined.statusCode()).isEqualTo(201);
    JsonNode vicTokens = anonymous.json(joined);
    assertThat(vicTokens.at("/identity/orgId").asLong()).isEqualTo(owner.orgId);
    assertThat(vicTokens.at("/identity/role").asString()).isEqualTo("viewer");
    Http vic = anonymous.withBearer(vicTokens.get("accessToken").asString());
    long vicId = vicTokens.at("/identity/userId").asLong();

    assertThat(vic.get("/api/projects").statusCode()).isEqualTo(200);
    HttpResponse<String> write = vic.json("POST", "/api/projects", "{\"name\": \"Nope\"}");
    assertThat(write.statusCode()).isEqualTo(403);
    assertThat(vic.json(write).get("detail").asString()).contains("viewer");
    assertThat(vic.get("/api/audit").statusCode()).isEqualTo(403);
    HttpResponse<String> wideKey =
        vic.json("POST", "/api/keys", "{\"name\": \"agent\", \"scopes\": [\"write\"]}");
    assertThat(wideKey.statusCode()).isEqualTo(403);
    HttpResponse<String> readKey =
        vic.json("POST", "/api/keys", "{\"name\": \"agent\", \"scopes\": [\"read\"]}");
    assertThat(readKey.statusCode()).isEqualTo(201);
    assertThat(
            olga.json(
                    "POST",
                    "/api/auth/register",
                    "{\"email\": \"x@example.com\", \"password\": \"read-only-agent-7\","
                        + " \"invitation\": \""
                        + code
                        + "\"}")
                .statusCode())
        .isEqualTo(400);

    HttpResponse<String> promoted =
        olga.json(
            "PATCH", "/api/orgs/" + owner.orgId + "/members/" + vicId, "{\"role\": \"member\"}");
    assertThat(promoted.statusCode()).isEqualTo(200);
    awaitStatus(vic.withBearer(vicTokens.get("accessToken").asString()), "/api/projects", 200);
    assertThat(olga.delete("/api/orgs/" + owner.orgId + "/members/" + vicId).statusCode())
        .isEqualTo(204);
    awaitStatus(vic, "/api/projects", 401);
    Http key = anonymous.withBearer(vic.json(readKey).get("secret").asString());
    awaitStatus(key, "/api/projects", 401);
    assertThat(olga.delete("/api/orgs/" + owner.orgId + "/members/" + owner.userId).statusCode())
        .isEqualTo(409);
  }

  @Test
  void logoutEndsTheSessionAndTheCookieRefreshNeedsItsCsrfHeader() {
    HttpResponse<String> login =
        anonymous.json(
            "POST",
            "/api/auth/register",
            "{\"email\": \"carl@example.com\", \"password\": \"cookie-monster-99\","
                + " \"useCookie\": true}");
    assertThat(login.statusCode()).isEqualTo(201);
    assertThat(anonymous.json(login).get("refreshToken").isNull()).isTrue();
    String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/api/auth");
    String pair = cookie.substring(0, cookie.indexOf(';'));

    HttpResponse<String> forged =
        anonymous.send(
            anonymous
                .request("/api/auth/refresh")
                .header("Cookie", pair)
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(forged.statusCode()).isEqualTo(403);
    HttpResponse<String> refreshed =
        anonymous.send(
            anonymous
                .request("/api/auth/refresh")
                .header("Cookie", pair)
                .header("X-Requested-With", "atelier")
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(refreshed.statusCode()).isEqualTo(200);
    Http carl = anonymous.withBearer(anonymous.json(refreshed).get("accessToken").asString());
    assertThat(carl.json("POST", "/api/auth/logout", "{}").statusCode()).isEqualTo(204);
    awaitStatus(carl, "/api/me", 401);
  }

  @Test
  void throttlesPasswordGuessingPerAccount() {
    register(anonymous, "dora@example.com", "Delta");
    int last = 0;
    HttpResponse<String> response = null;
    for (int attempt = 0; attempt < 12 && last != 429; attempt++) {
      response =
          anonymous.json(
              "POST",
              "/api/auth/login",
              "{\"email\": \"dora@example.com\", \"password\": \"guess-" + attempt + "\"}");
      last = response.statusCode();
    }
    assertThat(last).isEqualTo(429);
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void noSecretOfTheRunReachesTheLog(CapturedOutput log) {
    HttpResponse<String> registered =
        anonymous.json(
            "POST",
            "/api/auth/register",
            "{\"email\": \"eve@example.com\", \"password\": \"never-log-this-passphrase\"}");
    JsonNode tokens = anonymous.json(registered);
    String refresh = tokens.get("refreshToken").asString();
    Http eve = anonymous.withBearer(tokens.get("accessToken").asString());
    String key =
        eve.json(eve.json("POST", "/api/keys", "{\"name\": \"k\", \"scopes\": [\"read\"]}"))
            .get("secret")
            .asString();
    anonymous.withBearer(key).get("/api/me");
    JsonNode rotated =
        anonymous.json(
            anonymous.json("POST", "/api/auth/refresh", "{\"refreshToken\": \"" + refresh + "\"}"));
    anonymous.json("POST", "/api/auth/refresh", "{\"refreshToken\": \"" + refresh + "\"}");
    anonymous.json(
        "POST",
        "/api/auth/login",
        "{\"email\": \"eve@example.com\", \"password\": \"wrong-but-secret-guess\"}");
    anonymous.withBearer(tokens.get("accessToken").asString() + "x").get("/api/me");

    assertThat(log.getAll())
        .doesNotContain("never-log-this-passphrase")
        .doesNotContain("wrong-but-secret-guess")
        .doesNotContain(refresh)
        .doesNotContain(rotated.get("refreshToken").asString())
        .doesNotContain(tokens.get("accessToken").asString())
        .doesNotContain(key);
  }

  record Session(String accessToken, long orgId, long userId) {}

  static Session register(Http anonymous, String email, String org) {
    HttpResponse<String> registered =
        anonymous.json(
            "POST",
            "/api/auth/register",
            "{\"email\": \""
                + email
                + "\", \"password\": \"long-enough-passphrase\", \"orgName\": \""
                + org
                + "\"}");
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    JsonNode tokens = anonymous.json(registered);
    return new Session(
        tokens.get("accessToken").asString(),
        tokens.at("/identity/orgId").asLong(),
        tokens.at("/identity/userId").asLong());
  }

  /** A member of {@code orgId} with {@code role}, through an invitation; answers their tokens. */
  static JsonNode join(Http owner, long orgId, String email, String role) {
    JsonNode invitation =
        owner.json(
            owner.json(
                "POST",
                "/api/orgs/" + orgId + "/invitations",
                "{\"email\": \"" + email + "\", \"role\": \"" + role + "\"}"));
    String link = invitation.get("link").asString();
    HttpResponse<String> registered =
        owner
            .anonymous()
            .json(
                "POST",
                "/api/auth/register",
                "{\"email\": \""
                    + email
                    + "\", \"password\": \"chatting-all-day-long\", \"invitation\": \""
                    + link.substring(link.indexOf("code=") + 5)
                    + "\"}");
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    return owner.json(registered);
  }

  // Revocations hold within a second (the per-node cache); poll for at most five.
  static void awaitStatus(Http client, String path, int status) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    int seen;
    do {
      seen = client.get(path).statusCode();
      if (seen == status) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    } while (System.nanoTime() < deadline);
    assertThat(seen).as(path).isEqualTo(status);
  }
}
