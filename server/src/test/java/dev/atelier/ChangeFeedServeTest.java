package dev.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.cli.RunningServer;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.repos.BranchChangeHandler;
import dev.atelier.repos.BranchChanges;
import dev.atelier.repos.IndexEvents;
import dev.atelier.repos.RepoPath;
import dev.atelier.repos.ReposStorage;
import dev.atelier.repos.Repository;
import dev.atelier.repos.internal.watch.WorkingTreeWatchers;
import dev.atelier.testing.Http;
import dev.atelier.testing.OpenTopics;
import dev.atelier.testing.SseClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The change feed and the event stream of a local {@code serve}, over real HTTP. */
class ChangeFeedServeTest {

  @TempDir static Path workspace;
  private static RunningServer server;
  private static Http http;
  private static Repository repository;
  private static IndexEvents events;
  private static WorkingTreeWatchers watchers;
  private static final BlockingQueue<BranchChanges> flushed = new LinkedBlockingQueue<>();

  @BeforeAll
  static void start() throws Exception {
    BranchChangeHandler recorder = flushed::add;
    AtelierServer.Started started =
        new AtelierServer()
            .start(
                AtelierSettings.local(workspace).withPort(0),
                Map.of("atelier.index.debounce", "150ms", "atelier.events.heartbeat", "300ms"),
                Map.of("testChangeHandler", recorder, "openRepoTopics", new OpenTopics("repo")));
    server = started.server();
    http = Http.withInstallToken(server.url(), workspace.resolve(".atelier"));
    ReposStorage storage = started.context().getBean(ReposStorage.class);
    // serve registered its workspace before the watchers started.
    repository = storage.repositories().registerWorkingTree(1, workspace);
    events = started.context().getBean(IndexEvents.class);
    watchers = started.context().getBean(WorkingTreeWatchers.class);
    // serve asks for a full index of its workspace once ready; take it before the tests start.
    BranchChanges startup = flushed.poll(10, TimeUnit.SECONDS);
    assertThat(startup).isNotNull();
    assertThat(startup.fullRescan()).isTrue();
    assertThat(startup.repository()).isEqualTo(repository.id());
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private HttpResponse<String> notify(String path, String json) {
    return http.post(path, "application/json", HttpRequest.BodyPublishers.ofString(json));
  }

  private String notifyPath() {
    return "/api/repos/" + repository.id() + "/notify/file-changed";
  }

  @Test
  void acceptsChangedPathsWith202AndHandsThemToTheIndexerAfterTheQuietPeriod() throws Exception {
    flushed.clear();
    HttpResponse<String> response =
        notify(notifyPath(), "{\"paths\": [\"src/A.java\", \"src/B.java\", \"src/A.java\"]}");

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode body = http.json(response);
    assertThat(body.get("accepted").asInt()).isEqualTo(2);
    assertThat(body.get("branch").asString()).isEqualTo("main");
    assertThat(body.get("flushAfterMs").asLong()).isEqualTo(150);

    BranchChanges changes = flushed.poll(5, TimeUnit.SECONDS);
    assertThat(changes).isNotNull();
    assertThat(changes.repository()).isEqualTo(repository.id());
    assertThat(changes.branch()).isEqualTo("main");
    assertThat(changes.paths())
        .containsExactly(RepoPath.of("src/A.java"), RepoPath.of("src/B.java"));
  }

  @Test
  void queuesAFullRescanOfANamedBranch() throws Exception {
    flushed.clear();
    HttpResponse<String> response =
        notify(notifyPath(), "{\"branch\": \"feature/x\", \"full\": true}");

    assertThat(response.statusCode()).isEqualTo(202);
    BranchChanges changes = flushed.poll(5, TimeUnit.SECONDS);
    assertThat(changes).isNotNull();
    assertThat(changes.branch()).isEqualTo("feature/x");
    assertThat(changes.fullRescan()).isTrue();
  }

  @Test
  void theFileWatcherFeedsChangesOfTheWorkingTreeToTheIndexer() throws Exception {
    assertThat(watchers.watch(repository)).isTrue();
    flushed.clear();

    java.nio.file.Files.createDirectories(workspace.resolve("lib"));
    java.nio.file.Files.writeString(workspace.resolve("lib/Watched.java"), "class Watched {}");

    BranchChanges changes = flushed.poll(10, TimeUnit.SECONDS);
    assertThat(changes).isNotNull();
    assertThat(changes.branch()).isEqualTo("main");
    assertThat(changes.paths()).contains(RepoPath.of("lib/Watched.java"));
    watchers.unwatch(repository.id());
    java.nio.file.Files.delete(workspace.resolve("lib/Watched.java"));
    java.nio.file.Files.delete(workspace.resolve("lib"));
  }

  @Test
  void refusesADotDotPathWithA400ProblemNamingIt() {
    HttpResponse<String> response =
        notify(notifyPath(), "{\"paths\": [\"ok.txt\", \"src/../../etc/passwd\"]}");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode problem = problem(response);
    assertThat(problem.get("type").asString()).endsWith("/problems/invalid-path");
    assertThat(problem.get("detail").asString())
        .contains("paths[1]")
        .contains("src/../../etc/passwd")
        .contains("'..'");
  }

  @Test
  void refusesAbsoluteAndNulPaths() {
    HttpResponse<String> absolute = notify(notifyPath(), "{\"paths\": [\"/etc/passwd\"]}");
    HttpResponse<String> nul = notify(notifyPath(), "{\"paths\": [\"a\\u0000b\"]}");

    assertThat(absolute.statusCode()).isEqualTo(400);
    assertThat(problem(absolute).get("detail").asString()).contains("absolute");
    assertThat(nul.statusCode()).isEqualTo(400);
    assertThat(problem(nul).get("detail").asString()).contains("NUL").contains("a\\u0000b");
  }

  @Test
  void refusesABadBranchNameAndAnEmptyNotification() {
    HttpResponse<String> branch =
        notify(notifyPath(), "{\"branch\": \"a..b\", \"paths\": [\"x\"]}");
    HttpResponse<String> empty = notify(notifyPath(), "{\"paths\": []}");

    assertThat(branch.statusCode()).isEqualTo(400);
    assertThat(problem(branch).get("type").asString()).endsWith("/problems/invalid-branch");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(problem(empty).get("type").asString()).endsWith("/problems/no-changes");
  }

  @Test
  void answersAnUnknownRepositoryWithA404Problem() {
    HttpResponse<String> unknown =
        notify("/api/repos/999999/notify/file-changed", "{\"paths\": [\"a\"]}");
    HttpResponse<String> notANumber =
        notify("/api/repos/abc/notify/file-changed", "{\"paths\": [\"a\"]}");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(problem(unknown).get("type").asString()).endsWith("/problems/repository-not-found");
    assertThat(notANumber.statusCode()).isEqualTo(404);
  }

  @Test
  void refusesMoreThan10000PathsWithA413Problem() {
    StringBuilder json = new StringBuilder("{\"paths\": [");
    for (int i = 0; i <= 10_000; i++) {
      json.append(i == 0 ? "" : ",").append("\"f").append(i).append("\"");
    }
    HttpResponse<String> response = notify(notifyPath(), json.append("]}").toString());

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(problem(response).get("type").asString()).endsWith("/problems/too-many-paths");
    assertThat(problem(response).get("detail").asString()).contains("full");
  }

  @Test
  void acceptsANotificationNamingTheRepositoryByItsFolder() throws Exception {
    flushed.clear();
    String body =
        "{\"location\": \""
            + workspace.toString().replace("\\", "\\\\")
            + "\", \"branch\": \"topic\", \"paths\": [\"README.md\"]}";
    HttpResponse<String> response = notify("/api/notify/file-changed", body);

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(http.json(response).get("repository").asLong()).isEqualTo(repository.id().value());
    BranchChanges changes = flushed.poll(5, TimeUnit.SECONDS);
    assertThat(changes).isNotNull();
    assertThat(changes.branch())
        .as("a working tree has one state: its default branch")
        .isEqualTo("main");

    HttpResponse<String> nowhere =
        notify("/api/notify/file-changed", "{\"location\": \"/no/such/repo\", \"paths\": [\"a\"]}");
    assertThat(nowhere.statusCode()).isEqualTo(404);
  }

  @Test
  void aSubscriberReceivesIndexEventsOfItsRepository() throws Exception {
    try (SseClient sse =
        new SseClient(http, "/api/events?topic=" + IndexEvents.topic(repository.id()), null)) {
      assertThat(sse.status()).isEqualTo(200);
      events.progress(1, repository.id(), "main", 0, 10);
      events.completed(1, repository.id(), "main", Map.of("files", 10));

      SseClient.Received progress = sse.nextEvent(Duration.ofSeconds(5));
      SseClient.Received completed = sse.nextEvent(Duration.ofSeconds(5));
      assertThat(progress).isNotNull();
      assertThat(progress.event()).isEqualTo("index.progress");
      JsonNode data = http.json(fake(progress.data()));
      assertThat(data.get("topic").asString()).isEqualTo("repo:" + repository.id());
      assertThat(data.get("payload").get("total").asInt()).isEqualTo(10);
      assertThat(completed).isNotNull();
      assertThat(completed.event()).isEqualTo("index.completed");
      // Progress is a signal, stale at once: live only, no id to resume from; completion is logged.
      assertThat(progress.id()).isNull();
      assertThat(Long.parseLong(completed.id())).isPositive();
      assertThat(http.json(fake(completed.data())).get("payload").get("files").asInt())
          .isEqualTo(10);
    }
  }

  @Test
  void replaysWhatWasMissedAfterLastEventIdAcrossTopics() throws Exception {
    String first;
    try (SseClient sse = new SseClient(http, "/api/events?topic=repo:777,repo:778", null)) {
      events.failed(1, new dev.atelier.repos.RepositoryId(777), "main", "one");
      SseClient.Received received = sse.nextEvent(Duration.ofSeconds(5));
      assertThat(received).isNotNull();
      first = received.id();
    }
    events.failed(1, new dev.atelier.repos.RepositoryId(778), "main", "two");
    events.failed(1, new dev.atelier.repos.RepositoryId(779), "main", "not subscribed");
    events.failed(1, new dev.atelier.repos.RepositoryId(777), "main", "three");

    try (SseClient sse = new SseClient(http, "/api/events?topic=repo:777&topic=repo:778", first)) {
      List<String> messages = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        SseClient.Received received = sse.nextEvent(Duration.ofSeconds(5));
        assertThat(received).isNotNull();
        messages.add(http.json(fake(received.data())).get("payload").get("message").asString());
      }
      assertThat(messages).containsExactly("two", "three");
      assertThat(sse.nextEvent(Duration.ofMillis(300))).isNull();
    }
  }

  @Test
  void sendsJsonHeartbeatsWhileQuiet() throws Exception {
    try (SseClient sse = new SseClient(http, "/api/events?topic=repo:555", null)) {
      assertThat(sse.nextComment(Duration.ofSeconds(5))).isEqualTo("subscribed");
      SseClient.Received beat = sse.nextHeartbeat(Duration.ofSeconds(5));
      assertThat(beat).isNotNull();
      assertThat(beat.event()).isEqualTo("heartbeat");
      assertThat(beat.id()).isNull();
      assertThat(http.json(fake(beat.data())).get("type").asString()).isEqualTo("heartbeat");
    }
  }

  @Test
  void refusesAnInvalidTopicWithA400Problem() {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(java.net.URI.create(server.url() + "/api/events?topic=nope"))
                .header("Accept", "text/event-stream"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("invalid-topic");
  }

  private static HttpResponse<String> fake(String body) {
    return new FakeResponse(body);
  }

  private static JsonNode problem(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    return http.json(response);
  }

  /** Lets {@link Http#json} parse an SSE data line. */
  private record FakeResponse(String body) implements HttpResponse<String> {
    @Override
    public int statusCode() {
      return 200;
    }

    @Override
    public HttpRequest request() {
      throw new UnsupportedOperationException();
    }

    @Override
    public java.util.Optional<HttpResponse<String>> previousResponse() {
      return java.util.Optional.empty();
    }

    @Override
    public java.net.http.HttpHeaders headers() {
      return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true);
    }

    @Override
    public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
      return java.util.Optional.empty();
    }

    @Override
    public java.net.URI uri() {
      return java.net.URI.create("http://localhost/");
    }

    @Override
    public java.net.http.HttpClient.Version version() {
      return java.net.http.HttpClient.Version.HTTP_1_1;
    }
  }

  static Set<String> unused() {
    return Set.of();
  }
}
