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
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one door of {@code serve}: who may call, how a browser signs in, what pages may do. */
class AuthenticationServeTest {

  @TempDir static Path workspace;
  private static RunningServer server;
  private static Http owner;
  private static Http anonymous;

  @BeforeAll
  static void start() {
    server = new AtelierServer().start(AtelierSettings.local(workspace).withPort(0));
    owner = Http.withInstallToken(server.url(), workspace.resolve(".atelier"));
    anonymous = new Http(server.url());
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void refusesTheApiActuatorAndMcpToAnAnonymousCallerWith401Problems() {
    for (String path :
        new String[] {
          "/api/repos",
          "/api/repos/1/files?path=a",
          "/api/index/status",
          "/actuator/prometheus",
          "/api/events?topic=repo:1",
          "/api/tools"
        }) {
      HttpResponse<String> response = anonymous.get(path);

      assertThat(response.statusCode()).as(path).isEqualTo(401);
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .as(path)
          .startsWith("application/problem+json");
      assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
    }
    HttpResponse<String> learning =
        anonymous.post(
            "/api/repos/1/tools/record_learning",
            "application/json",
            HttpRequest.BodyPublishers.ofString("{\"content\":\"x\"}"));
    assertThat(learning.statusCode()).isEqualTo(401);
  }

  @Test
  void leavesHealthOpenAndLetsTheInstallTokenIn() {
    assertThat(anonymous.get("/api/health").statusCode()).isEqualTo(200);
    assertThat(owner.get("/api/repos").statusCode()).isEqualTo(200);
    assertThat(owner.get("/actuator/prometheus").statusCode()).isEqualTo(200);
  }

  @Test
  void refusesAWrongBearerEvenWhereNoneIsNeeded() {
    HttpResponse<String> response =
        anonymous.send(
            anonymous.request("/api/repos").header("Authorization", "Bearer not-the-token"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).doesNotContain(owner.bearerForTests());
  }

  @Test
  void aLoginLinkSetsAStrictHttpOnlySessionCookieOnceOnly() {
    String link = server.loginUrl();
    String path = URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery();

    HttpResponse<String> first = anonymous.get(path);
    HttpResponse<String> again = anonymous.get(path);

    assertThat(first.statusCode()).isEqualTo(303);
    assertThat(first.headers().firstValue("Location")).hasValue("/");
    String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).contains("HttpOnly", "SameSite=Strict", "Path=/");
    assertThat(again.statusCode()).isEqualTo(303);
    assertThat(again.headers().firstValue("Location")).hasValue("/signin?link=expired");
    assertThat(again.headers().firstValue("Set-Cookie")).isEmpty();

    String session = cookie.substring(0, cookie.indexOf(';'));
    HttpResponse<String> withCookie =
        anonymous.send(anonymous.request("/api/repos").header("Cookie", session));
    HttpResponse<String> forged =
        anonymous.send(
            anonymous
                .request("/api/repos")
                .header("Cookie", session.substring(0, session.length() - 2) + "AA"));
    assertThat(withCookie.statusCode()).isEqualTo(200);
    assertThat(forged.statusCode()).isEqualTo(401);
  }

  @Test
  void anUnknownLoginCodeSignsNobodyIn() {
    HttpResponse<String> response = anonymous.get("/api/auth/local?code=guessed");

    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void aLoginLinkForAtelierOpenNeedsTheToken() {
    HttpRequest.BodyPublisher none = HttpRequest.BodyPublishers.noBody();

    assertThat(anonymous.post("/api/auth/login-links", "application/json", none).statusCode())
        .isEqualTo(401);
    HttpResponse<String> made = owner.post("/api/auth/login-links", "application/json", none);
    assertThat(made.statusCode()).isEqualTo(200);
    assertThat(owner.json(made).get("path").asString()).startsWith("/api/auth/local?code=");
  }

  @Test
  void pagesCarryAStrictContentSecurityPolicyAndMayNotBeFramed() {
    HttpResponse<String> page = anonymous.get("/");

    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'self'", "script-src 'self';", "frame-ancestors 'none'")
        .doesNotContain("unsafe-eval");
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
  }

  @Test
  void refusesAForeignOriginOnTheActuatorToo() {
    HttpResponse<String> response =
        owner.send(owner.request("/actuator/prometheus").header("Origin", "http://evil.example"));

    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void keepsTheDataFolderAndDatabaseToItsOwner() throws Exception {
    Path data = workspace.resolve(".atelier");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
        .isEqualTo("rwx------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data.resolve("atelier.db"))))
        .isEqualTo("rw-------");
    try (var files = Files.list(data)) {
      assertThat(files.filter(Files::isRegularFile))
          .allSatisfy(file ->
              assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                  .as(file.toString())
                  .isEqualTo("rw-------"));
    }
  }

  @Test
  void tightensTheDataFolderOfAnOlderInstallOnStart(@TempDir Path older) throws Exception {
    Path data = older.resolve(".atelier");
    Files.createDirectories(data);
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(data.resolve("notes"), "x");
    Files.setPosixFilePermissions(
        data.resolve("notes"), PosixFilePermissions.fromString("rw-r--r--"));

    RunningServer second = new AtelierServer().start(AtelierSettings.local(older).withPort(0));
    try {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
          .isEqualTo("rwx------");
      assertThat(
              PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("notes"))))
          .isEqualTo("rw-------");
    } finally {
      second.stop();
    }
  }

  @Test
  void refusesToListenBeyondLoopback(@TempDir Path elsewhere) {
    AtelierSettings wide =
        new AtelierSettings(
            dev.atelier.platform.Mode.LOCAL,
            elsewhere,
            elsewhere.resolve(".atelier"),
            "0.0.0.0",
            0,
            null,
            null,
            dev.atelier.platform.LogFormat.PLAIN,
            AtelierSettings.DEFAULT_MAX_REQUEST_BYTES,
            false);

    assertThatThrownBy(() -> new AtelierServer().start(wide))
        .hasMessageContaining("refusing to listen on 0.0.0.0");
  }
}
