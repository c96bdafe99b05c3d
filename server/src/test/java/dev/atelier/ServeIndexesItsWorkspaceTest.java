package dev.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.cli.RunningServer;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.repos.ReposStorage;
import dev.atelier.repos.Repository;
import dev.atelier.testing.Http;
import dev.atelier.testing.SseClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code serve PATH} end to end over real HTTP: it indexes PATH in the background, reports on
 * {@code /api/events}, answers search, and a file edited on disk shows up after the debounce.
 */
class ServeIndexesItsWorkspaceTest {

  @TempDir static Path workspace;
  private static RunningServer server;
  private static Http http;
  private static Repository repository;

  @BeforeAll
  static void start() throws Exception {
    Files.createDirectories(workspace.resolve("src"));
    Files.writeString(
        workspace.resolve("src/Accounts.java"),
        """
        package demo;

        /** Users of the demo. */
        public class Accounts {
          public String getUserName(int id) {
            return "user" + id;
          }
        }
        """);
    AtelierServer.Started started =
        new AtelierServer()
            .start(
                AtelierSettings.local(workspace).withPort(0),
                Map.of("atelier.index.debounce", "200ms"),
                Map.of());
    server = started.server();
    http = Http.withInstallToken(server.url(), workspace.resolve(".atelier"));
    repository =
        started
            .context()
            .getBean(ReposStorage.class)
            .repositories()
            .registerWorkingTree(1, workspace);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void indexesTheWorkspaceAndKeepsItFreshAsFilesChange() throws Exception {
    try (SseClient events =
        new SseClient(http, "/api/events?topic=repo:" + repository.id().value(), "0")) {
      awaitCompleted(events);
      JsonNode repos = http.json(http.get("/api/repos"));
      assertThat(repos.get(0).get("branches").get(0).get("state").asString()).isEqualTo("ready");
      assertThat(repos.get(0).get("branches").get(0).get("filesTotal").asInt()).isEqualTo(1);
      JsonNode status = http.json(http.get("/api/index/status"));
      assertThat(status.get("embeddingsEnabled").asBoolean()).isFalse();
      assertThat(status.has("textIndexPending")).isTrue();
      // Per repository: counted, but with embeddings off no repository claims semantic search.
      JsonNode own = status.get("repositories").get(0);
      assertThat(own.get("repository").asLong()).isEqualTo(repository.id().value());
      assertThat(own.get("embeddings").get("total").asLong()).isPositive();
      assertThat(own.get("semanticReady").asBoolean()).isFalse();
      // And its text index backlog: the one file, waiting or done.
      assertThat(own.get("textIndex").get("files").asLong()).isEqualTo(1);
      assertThat(own.get("textIndex").get("pending").asLong()).isBetween(0L, 1L);
      JsonNode hits = http.json(http.get(symbols("gUN")));
      assertThat(hits.get(0).get("qualifiedName").asString())
          .isEqualTo("demo.Accounts.getUserName");
      assertThat(hits.get(0).get("path").asString()).isEqualTo("src/Accounts.java");

      Files.writeString(
          workspace.resolve("src/Ledger.java"),
          "package demo;\nclass Ledger { void fetchEverything() {} }\n");
      awaitCompleted(events);
      JsonNode text = http.json(http.get(text("fetchEverything")));
      assertThat(text.get("matches").get(0).get("path").asString()).isEqualTo("src/Ledger.java");

      Files.delete(workspace.resolve("src/Ledger.java"));
      awaitCompleted(events);
      assertThat(http.json(http.get(text("fetchEverything"))).get("matches")).isEmpty();
    }
  }

  @Test
  void searchErrorsAreProblemDetails() {
    var response =
        http.get("/api/repos/" + repository.id().value() + "/search/text?q=(&regex=true");
    assertThat(response.statusCode()).isIn(400, 409);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
    assertThat(http.get("/api/repos/99999/search/text?q=abc").statusCode()).isEqualTo(404);
    for (String bad : List.of("q=abc&cursor=bm9wZQ", "q=abc+lang:cobol", "q=abc&sort=size")) {
      var answer = http.get("/api/repos/" + repository.id().value() + "/search/text?" + bad);
      assertThat(answer.statusCode()).as(bad).isEqualTo(400);
      assertThat(answer.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
    }
  }

  private static void awaitCompleted(SseClient events) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      SseClient.@Nullable Received event = events.nextEvent(Duration.ofSeconds(5));
      if (event != null && "index.completed".equals(event.event())) {
        return;
      }
      assertThat(event == null ? null : event.event()).isNotEqualTo("index.failed");
    }
    throw new AssertionError("no index.completed event within 60 s");
  }

  private String symbols(String query) {
    return "/api/repos/" + repository.id().value() + "/search/symbols?q=" + query;
  }

  private String text(String query) {
    return "/api/repos/" + repository.id().value() + "/search/text?q=" + query;
  }
}
