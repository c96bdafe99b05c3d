package dev.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.cli.RunningServer;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.testing.Http;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Adding repositories over the API: a local folder, a git URL cloned, and what is refused. */
class AddRepositoryServeTest {

  @TempDir static Path workspace;
  @TempDir static Path other;
  @TempDir static Path origin;
  @TempDir static Path outside;
  private static RunningServer server;
  private static Http http;

  @BeforeAll
  static void start() {
    // The temporary folders are the roots here; the user's home is one too, for the credential
    // case.
    server =
        new AtelierServer()
            .start(
                AtelierSettings.local(workspace).withPort(0),
                Map.of(
                    "atelier.repos.roots",
                    String.join(
                        ",",
                        workspace.toString(),
                        other.toString(),
                        origin.toString(),
                        System.getProperty("user.home"))),
                Map.of())
            .server();
    http = Http.withInstallToken(server.url(), workspace.resolve(".atelier"));
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void aLocalFolderIsRegisteredOnceAndIndexedInTheBackground() throws Exception {
    Files.writeString(other.resolve("Greeter.java"), "class Greeter { void greet() {} }\n");

    HttpResponse<String> added = add("{\"path\": \"" + other + "\"}");

    assertThat(added.statusCode()).isEqualTo(201);
    long id = http.json(added).get("id").asLong();
    assertThat(added.headers().firstValue("Location")).hasValue("/api/repos/" + id);
    awaitReady(id);
    assertThat(http.get("/api/repos/" + id + "/search/symbols?q=greet").body()).contains("greet");
    assertThat(add("{\"path\": \"" + other + "\"}").statusCode()).as("again").isEqualTo(200);
  }

  @Test
  void aGitUrlIsClonedUnderTheDataFolderAndIndexed() throws Exception {
    try (Git git = Git.init().setDirectory(origin.toFile()).setInitialBranch("main").call()) {
      Files.writeString(origin.resolve("hello.py"), "def hello():\n    return 1\n");
      git.add().addFilepattern(".").call();
      git.commit()
          .setMessage("first")
          .setAuthor("T", "t@x")
          .setCommitter("T", "t@x")
          .setSign(false)
          .call();
    }

    HttpResponse<String> added = add("{\"gitUrl\": \"" + origin.toUri() + "\"}");

    assertThat(added.statusCode()).isEqualTo(202);
    JsonNode job = awaitClone(http, added);
    assertThat(job.get("state").asString()).isEqualTo("completed");
    long id = job.get("repositoryId").asLong();
    JsonNode repository = http.json(http.get("/api/repos/" + id));
    assertThat(Path.of(repository.get("location").asString()))
        .startsWith(workspace.resolve(".atelier/clones").toRealPath());
    awaitReady(id);
  }

  @Test
  void badSourcesAreProblemsThatSayWhatToGive() {
    assertProblem(add("{\"path\": \"relative/dir\"}"), 400, "must be absolute");
    assertProblem(add("{\"path\": \"" + other.resolve("missing") + "\"}"), 400, "no such folder");
    assertProblem(add("{}"), 400, "either 'path'");
    assertProblem(
        add("{\"path\": \"" + other + "\", \"gitUrl\": \"https://x/y.git\"}"), 400, "either");
    assertProblem(add("{\"gitUrl\": \"ftp://example.com/r.git\"}"), 400, "https, http or ssh");
    JsonNode missing =
        awaitClone(http, add("{\"gitUrl\": \"" + origin.resolve("nothing-here").toUri() + "\"}"));
    assertThat(missing.get("state").asString()).isEqualTo("failed");
    assertThat(missing.get("error").asString()).contains("no git repository at that URL");
    assertThat(workspace.resolve(".atelier/clones/nothing-here")).doesNotExist();
    assertProblem(add("{\"gitUrl\": \"git@127.0.0.1:nothing.git\"}"), 403, "private address");
  }

  @Test
  void theDataFolderCredentialFoldersAndFoldersOutsideTheRootsAreRefused() throws Exception {
    Path ssh = Path.of(System.getProperty("user.home"), ".ssh");

    assertProblem(add(path(workspace.resolve(".atelier"))), 403, "data folder");
    assertProblem(add(path(outside)), 403, "outside the folders");
    assertProblem(add(path(ssh)), 403, "credential folder");
    assertProblem(add(path(Path.of(System.getProperty("user.home")))), 403, "credential folder");
    assertProblem(add("{\"gitUrl\": \"" + outside.toUri() + "\"}"), 403, "outside the folders");
    assertProblem(add("{\"path\": \"/tmp/a\\u0000b\"}"), 400, "NUL");
  }

  @Test
  void internalHostsDashesAndEncodedNulsInGitUrlsAreRefused() {
    assertProblem(add("{\"gitUrl\": \"http://127.0.0.1:1/x.git\"}"), 403, "private address");
    assertProblem(add("{\"gitUrl\": \"https://10.1.2.3/x.git\"}"), 403, "private address");
    assertProblem(add("{\"gitUrl\": \"http://169.254.169.254/x.git\"}"), 403, "private");
    assertProblem(add("{\"gitUrl\": \"http://[::1]:8080/x.git\"}"), 403, "private address");
    assertProblem(
        add("{\"gitUrl\": \"ssh://-oProxyCommand=touch%20pwned@example.com/x\"}"),
        403,
        "begins with '-'");
    assertProblem(add("{\"gitUrl\": \"ssh://git@-oProxyCommand/x\"}"), 403, "'-'");
    assertProblem(add("{\"gitUrl\": \"-oProxyCommand=x:y\"}"), 403, "'-'");
    assertProblem(add("{\"gitUrl\": \"https://example.com/a%00b.git\"}"), 403, "NUL");
    assertProblem(add("{\"gitUrl\": \"git://example.com/x.git\"}"), 400, "https, http or ssh");
  }

  private static String path(Path folder) {
    return "{\"path\": \"" + folder + "\"}";
  }

  @Test
  void aPageFromAnotherOriginCannotAddOrListRepositories() {
    HttpResponse<String> refused =
        http.send(
            HttpRequest.newBuilder(java.net.URI.create(server.url() + "/api/repos"))
                .header("Origin", "http://rebinding.example")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"path\": \"" + other + "\"}")));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(http.json(refused).get("detail").asString()).contains("DNS rebinding");
    HttpResponse<String> sameOrigin =
        http.send(
            HttpRequest.newBuilder(java.net.URI.create(server.url() + "/api/repos"))
                .header("Origin", server.url().replaceAll("/+$", ""))
                .GET());
    assertThat(sameOrigin.statusCode()).isEqualTo(200);
  }

  private static HttpResponse<String> add(String json) {
    return http.post("/api/repos", "application/json", HttpRequest.BodyPublishers.ofString(json));
  }

  private static void assertProblem(HttpResponse<String> response, int status, String detail) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(http.json(response).get("detail").asString()).contains(detail);
  }

  /** The clone job a 202 started, once it has ended. */
  static JsonNode awaitClone(Http http, HttpResponse<String> accepted) {
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String location = accepted.headers().firstValue("Location").orElseThrow();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    JsonNode job = http.json(accepted);
    while (job.get("state").asString().equals("running") && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      job = http.json(http.get(location));
    }
    return job;
  }

  private static void awaitReady(long id) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (http.get("/api/repos/" + id).body().contains("\"state\":\"ready\"")) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "repository " + id + " was not indexed: " + http.get("/api/repos/" + id).body());
  }
}
