package dev.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.cli.RunningServer;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.repos.ReposStorage;
import dev.atelier.repos.Repository;
import dev.atelier.testing.Http;
import dev.atelier.testing.SseClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The web app's browse endpoints over real HTTP on a served, indexed fixture tree: folders, file
 * texts, outlines, references, their problems, and index.html for client-side routes.
 */
class BrowseServeTest {

  @TempDir static Path workspace;
  private static RunningServer server;
  private static Http http;
  private static String repo;

  @BeforeAll
  static void start() throws Exception {
    Files.createDirectories(workspace.resolve("src/demo"));
    Files.writeString(
        workspace.resolve("src/demo/Accounts.java"),
        """
        package demo;

        /** Users of the demo. */
        public class Accounts {
          public String getUserName(int id) {
            return "user" + id;
          }
        }
        """);
    Files.writeString(
        workspace.resolve("src/demo/Ledger.java"),
        """
        package demo;

        class Ledger {
          String owner(Accounts accounts) {
            return accounts.getUserName(7);
          }
        }
        """);
    Files.writeString(workspace.resolve("README.md"), "# Demo\n");
    // Names that sort around "src/" by path: the listing must neither skip nor repeat them.
    Files.createDirectories(workspace.resolve("src-extra"));
    Files.writeString(workspace.resolve("src-extra/Notes.java"), "class Notes {}\n");
    Files.writeString(workspace.resolve("src.txt"), "notes\n");
    // More files than one read of the listing takes, around a sub-folder.
    Files.createDirectories(workspace.resolve("many/sub"));
    for (int i = 0; i < 300; i++) {
      Files.writeString(workspace.resolve("many/f%03d.txt".formatted(i)), "line " + i + "\n");
    }
    Files.writeString(workspace.resolve("many/sub/deep.txt"), "deep\n");
    // Binary files stay out of the index (and so out of the tree).
    Files.write(workspace.resolve("logo.bin"), new byte[] {1, 0, 2, 0, 3});
    AtelierServer.Started started =
        new AtelierServer()
            .start(
                AtelierSettings.local(workspace).withPort(0),
                Map.of("atelier.index.debounce", "200ms", "atelier.embeddings.enabled", "false"),
                Map.of());
    server = started.server();
    http = Http.withInstallToken(server.url(), workspace.resolve(".atelier"));
    Repository repository =
        started
            .context()
            .getBean(ReposStorage.class)
            .repositories()
            .registerWorkingTree(1, workspace);
    repo = "/api/repos/" + repository.id().value();
    awaitIndexed(repository);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void listsOneLevelOfTheRootWithFoldersFirstByName() {
    JsonNode root = http.json(http.get(repo + "/tree"));

    assertThat(root.get("path").asString()).isEmpty();
    assertThat(names(root)).containsExactly("many", "src", "src-extra", "README.md", "src.txt");
    JsonNode src = root.get("entries").get(1);
    assertThat(src.get("type").asString()).isEqualTo("dir");
    assertThat(src.get("size").isNull()).isTrue();
    JsonNode readme = root.get("entries").get(3);
    assertThat(readme.get("type").asString()).isEqualTo("file");
    assertThat(readme.get("size").asLong()).isEqualTo(7);
  }

  @Test
  void listsTheChildrenOfAFolderWithoutItsGrandchildren() {
    assertThat(names(http.json(http.get(repo + "/tree?path=src")))).containsExactly("demo");
    assertThat(names(http.json(http.get(repo + "/tree?path=src-extra"))))
        .containsExactly("Notes.java");
    List<String> many = names(http.json(http.get(repo + "/tree?path=many")));
    assertThat(many).hasSize(301).startsWith("sub", "f000.txt").endsWith("f299.txt");
    assertThat(many).doesNotHaveDuplicates();
  }

  @Test
  void listsANestedFolderWithLanguagesAndRefusesAnUnknownOne() {
    JsonNode demo = http.json(http.get(repo + "/tree?path=src/demo/"));

    assertThat(demo.get("path").asString()).isEqualTo("src/demo");
    assertThat(demo.get("entries").get(0).get("path").asString())
        .isEqualTo("src/demo/Accounts.java");
    assertThat(demo.get("entries").get(0).get("language").asString()).isEqualTo("java");
    assertProblem(http.get(repo + "/tree?path=nowhere"), 404, "file-not-found");
    assertProblem(http.get(repo + "/tree?path=../etc"), 400, "invalid-path");
  }

  @Test
  void servesAFileAsTextWithItsLanguageAndLineCount() {
    JsonNode file = http.json(http.get(repo + "/files?path=src/demo/Ledger.java"));

    assertThat(file.get("language").asString()).isEqualTo("java");
    assertThat(file.get("lines").asInt()).isEqualTo(7);
    assertThat(file.get("content").asString()).contains("accounts.getUserName(7)");
    assertThat(file.get("sha").asString()).hasSize(64);
  }

  @Test
  void answersUnindexedUnknownAndHostilePathsWithProblems() {
    assertProblem(http.get(repo + "/files?path=logo.bin"), 404, "file-not-found");
    assertProblem(http.get(repo + "/files?path=src/Missing.java"), 404, "file-not-found");
    assertProblem(http.get(repo + "/files?path=" + encode("/etc/passwd")), 400, "invalid-path");
    assertProblem(http.get(repo + "/files?path=src&branch=nope"), 404, "branch-not-found");
    assertProblem(http.get("/api/repos/99999/files?path=README.md"), 404, "repository-not-found");
  }

  @Test
  void outlinesAFileInSourceOrder() {
    JsonNode outline = http.json(http.get(repo + "/outline?path=src/demo/Accounts.java"));

    List<String> names = new ArrayList<>();
    outline.forEach(symbol -> names.add(symbol.get("name").asString()));
    assertThat(names).containsExactly("Accounts", "getUserName");
    assertThat(outline.get(1).get("line").asInt()).isEqualTo(5);
    assertProblem(http.get(repo + "/outline?path=src/Nope.java"), 404, "file-not-found");
  }

  @Test
  void findsTheReferencesOfADefinitionWithTheirLines() {
    JsonNode answer =
        http.json(
            http.get(repo + "/references?symbol=getUserName&path=src/demo/Accounts.java&line=5"));

    assertThat(answer.get("truncated").asBoolean()).isFalse();
    JsonNode definition = answer.get("definitions").get(0);
    assertThat(definition.get("qualifiedName").asString()).isEqualTo("demo.Accounts.getUserName");
    assertThat(definition.get("referenceCount").asInt()).isEqualTo(1);
    JsonNode reference = definition.get("references").get(0);
    assertThat(reference.get("path").asString()).isEqualTo("src/demo/Ledger.java");
    assertThat(reference.get("line").asInt()).isEqualTo(5);
    assertThat(reference.get("text").asString()).contains("accounts.getUserName(7)");
    // One line of context on each side by default, nearest last before the reference.
    assertThat(reference.get("before").get(0).asString()).contains("String owner(Accounts");
    assertThat(reference.get("after").get(0).asString()).isEqualTo("  }");
    JsonNode wider =
        http.json(
                http.get(
                    repo
                        + "/references?symbol=getUserName&path=src/demo/Accounts.java&line=5"
                        + "&context=3"))
            .get("definitions")
            .get(0)
            .get("references")
            .get(0);
    assertThat(wider.get("before")).hasSize(3);
    // The file ends two lines after the reference (its final newline starts no line).
    assertThat(wider.get("after")).hasSize(2);
    assertProblem(http.get(repo + "/references?symbol=getUserName&context=9"), 400, "bad-request");
    assertThat(http.json(http.get(repo + "/references?symbol=noSuchThing")).get("definitions"))
        .isEmpty();
    assertProblem(http.get(repo + "/references?symbol=%20"), 400, "bad-request");
  }

  @Test
  void findsWhereASymbolIsDefined() {
    JsonNode definitions = http.json(http.get(repo + "/definitions?symbol=getUserName"));

    assertThat(definitions).hasSize(1);
    assertThat(definitions.get(0).get("path").asString()).isEqualTo("src/demo/Accounts.java");
    assertThat(definitions.get(0).get("line").asInt()).isEqualTo(5);
    assertThat(definitions.get(0).get("kind").asString()).isEqualTo("method");
    assertThat(http.json(http.get(repo + "/definitions?symbol=Accounts.getUserName"))).hasSize(1);
    assertThat(http.json(http.get(repo + "/definitions?symbol=nothingLikeThis"))).isEmpty();
    assertProblem(http.get(repo + "/definitions?symbol="), 400, "bad-request");
  }

  @Test
  void drawsTheCentralFilesWithTheirDependenciesAndCommunities() {
    JsonNode graph = http.json(http.get(repo + "/graph?limit=1000"));

    List<String> paths = new ArrayList<>();
    graph.get("nodes").forEach(node -> paths.add(node.get("path").asString()));
    assertThat(paths).contains("src/demo/Accounts.java", "src/demo/Ledger.java", "README.md");
    assertThat(graph.get("totalFiles").asInt()).isEqualTo(paths.size());
    int accounts = paths.indexOf("src/demo/Accounts.java");
    int ledger = paths.indexOf("src/demo/Ledger.java");
    assertThat(graph.get("edges")).hasSize(1);
    JsonNode edge = graph.get("edges").get(0);
    assertThat(edge.get("from").asInt()).isEqualTo(ledger);
    assertThat(edge.get("to").asInt()).isEqualTo(accounts);
    assertThat(edge.get("references").asInt()).isPositive();
    int community = graph.get("nodes").get(accounts).get("community").asInt();
    assertThat(community).isPositive();
    assertThat(graph.get("nodes").get(ledger).get("community").asInt()).isEqualTo(community);
    assertThat(graph.get("nodes").get(paths.indexOf("README.md")).get("community").asInt())
        .isZero();
    JsonNode cluster = graph.get("clusters").get(0);
    assertThat(cluster.get("id").asInt()).isEqualTo(community);
    assertThat(cluster.get("shown").asInt()).isEqualTo(2);
    assertThat(cluster.get("label").asString()).contains("src/demo");
  }

  @Test
  void keepsTheGraphToItsLimitAndRefusesLimitsOutOfRange() {
    JsonNode one = http.json(http.get(repo + "/graph?limit=1"));

    assertThat(one.get("nodes")).hasSize(1);
    assertThat(one.get("edges")).isEmpty();
    assertProblem(http.get(repo + "/graph?limit=0"), 400, "bad-request");
    assertProblem(http.get(repo + "/graph?limit=1001"), 400, "bad-request");
    HttpResponse<String> notANumber = http.get(repo + "/graph?limit=many");
    assertThat(notANumber.statusCode()).isEqualTo(400);
    assertThat(notANumber.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertProblem(http.get(repo + "/graph?branch=nope"), 404, "branch-not-found");
    assertProblem(http.get("/api/repos/99999/graph"), 404, "repository-not-found");
    JsonNode openapi = http.json(http.get("/api/openapi.json"));
    assertThat(openapi.get("paths").has("/api/repos/{id}/graph")).isTrue();
  }

  @Test
  void servesTheAppShellForClientRoutesButNotForApiOrFiles() {
    HttpResponse<String> route = http.get("/repos/1/code/src/demo");

    assertThat(route.statusCode()).isEqualTo(200);
    assertThat(route.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(route.body()).contains("<div id=\"root\">");
    assertThat(http.get("/").statusCode()).isEqualTo(200);
    // A reload on the chat or the message search shows the app, not a 404.
    assertThat(http.get("/chat").statusCode()).isEqualTo(200);
    assertThat(http.get("/chat/12").statusCode()).isEqualTo(200);
    assertThat(http.get("/search?q=deploy").statusCode()).isEqualTo(200);
    HttpResponse<String> file = http.get("/repos/1/code/src/demo/Ledger.java");
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.body()).contains("<div id=\"root\">");
    assertThat(http.get("/favicon.ico").statusCode()).isEqualTo(404);
    assertThat(route.headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache");
    HttpResponse<String> asset = http.get("/assets/shell-test.js");
    assertThat(asset.statusCode()).isEqualTo(200);
    assertThat(asset.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
    HttpResponse<String> api = http.get("/api/no-such-endpoint");
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(api.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(http.get("/assets/missing-1234.js").statusCode()).isEqualTo(404);
  }

  @Test
  void answersAPageTheAppDoesNotHaveWith404AndTheAppsNotFoundPage() {
    for (String unknown :
        List.of("/nope", "/repos/abc", "/repos/1/understand/extra", "/settings-of-nothing")) {
      HttpResponse<String> response = http.get(unknown);
      assertThat(response.statusCode()).as(unknown).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("text/html");
      assertThat(response.body()).contains("<div id=\"root\">");
    }
    for (String known :
        List.of(
            "/repos",
            "/repos/1",
            "/repos/1/search",
            "/repos/1/understand",
            "/signin",
            "/settings")) {
      assertThat(http.get(known).statusCode()).as(known).isEqualTo(200);
    }
  }

  @Test
  void listsTheRulesTheSecurityScanRuns() {
    JsonNode rules = http.json(http.get("/api/security/rules"));

    assertThat(rules.size()).isGreaterThan(5);
    assertThat(rules.get(0).get("id").asString()).isNotBlank();
    assertThat(rules.get(0).get("severity").asString()).isIn("low", "medium", "high", "critical");
  }

  private static List<String> names(JsonNode folder) {
    List<String> names = new ArrayList<>();
    folder.get("entries").forEach(entry -> names.add(entry.get("name").asString()));
    return names;
  }

  private static void assertProblem(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(http.json(response).get("type").asString()).endsWith("/problems/" + code);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static void awaitIndexed(Repository repository) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    // "0": replay from the start, so a run that finished before we subscribed still counts.
    try (SseClient events =
        new SseClient(http, "/api/events?topic=repo:" + repository.id().value(), "0")) {
      while (System.nanoTime() < deadline) {
        SseClient.@Nullable Received event = events.nextEvent(Duration.ofSeconds(5));
        if (event != null && "index.completed".equals(event.event())) {
          return;
        }
      }
    }
    throw new AssertionError("the fixture was not indexed within 60 s");
  }
}
