package dev.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.atelier.cli.RunningServer;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.testing.Http;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Clones that a hostile git server cannot turn into a request forgery: with private hosts allowed
 * (so that a server on loopback can play the foreign one), a redirect to another port is not
 * followed and nothing the foreign server says reaches the problem.
 */
class CloneGuardServeTest {

  private static final String FOREIGN_SECRET = "INTERNAL-ADMIN-PANEL-SAYS-HELLO";

  @TempDir static Path workspace;
  private static RunningServer server;
  private static Http http;
  private static HttpServer foreign;
  private static HttpServer elsewhere;
  private static final AtomicInteger elsewhereHits = new AtomicInteger();

  @BeforeAll
  static void start() throws IOException {
    elsewhere = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    elsewhere.createContext(
        "/",
        exchange -> {
          elsewhereHits.incrementAndGet();
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    elsewhere.start();
    foreign = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    foreign.createContext(
        "/redirect.git/",
        exchange -> {
          exchange
              .getResponseHeaders()
              .add(
                  "Location",
                  "http://127.0.0.1:"
                      + elsewhere.getAddress().getPort()
                      + "/admin.git/info/refs?service=git-upload-pack");
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    foreign.createContext(
        "/talkative.git/",
        exchange -> {
          byte[] body = (FOREIGN_SECRET + "\n").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(500, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    foreign.start();
    server =
        new AtelierServer()
            .start(
                AtelierSettings.local(workspace).withPort(0),
                Map.of("atelier.repos.allow-private-git-hosts", "true"),
                Map.of())
            .server();
    http = Http.withInstallToken(server.url(), workspace.resolve(".atelier"));
  }

  @AfterAll
  static void stop() {
    server.stop();
    foreign.stop(0);
    elsewhere.stop(0);
  }

  @Test
  void aRedirectToAnotherPortIsNotFollowed() {
    JsonNode job = AddRepositoryServeTest.awaitClone(http, add(foreignUrl("redirect.git")));

    assertThat(job.get("state").asString()).isEqualTo("failed");
    assertThat(job.get("errorCode").asString()).isEqualTo("git-url-not-allowed");
    assertThat(job.get("error").asString()).contains("redirected");
    assertThat(elsewhereHits).hasValue(0);
    assertThat(cloneFolders()).isZero();
  }

  @Test
  void theForeignReplyIsNeverEchoed() {
    HttpResponse<String> response = add(foreignUrl("talkative.git"));
    JsonNode job = AddRepositoryServeTest.awaitClone(http, response);

    assertThat(job.get("state").asString()).isEqualTo("failed");
    assertThat(job.toString()).doesNotContain(FOREIGN_SECRET);
    assertThat(cloneFolders()).isZero();
  }

  private static String foreignUrl(String repository) {
    return "http://127.0.0.1:" + foreign.getAddress().getPort() + "/" + repository;
  }

  private static HttpResponse<String> add(String gitUrl) {
    return http.post(
        "/api/repos",
        "application/json",
        HttpRequest.BodyPublishers.ofString("{\"gitUrl\": \"" + gitUrl + "\"}"));
  }

  private static long cloneFolders() {
    Path clones = workspace.resolve(".atelier/clones");
    if (!Files.isDirectory(clones)) {
      return 0;
    }
    try (var children = Files.list(clones)) {
      return children.count();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
