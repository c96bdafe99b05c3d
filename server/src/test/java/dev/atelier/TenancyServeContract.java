package dev.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.cli.RunningServer;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.testing.Http;
import dev.atelier.testing.SseClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Tenancy and roles, generated from the OpenAPI document: org A (the install's own org) holds a
 * repository, a clone, a project, a key, a member, a pending invitation and a session; the owner of
 * another org calls every endpoint with A's ids and gets 404, and A's data appears in none of its
 * lists; a viewer of A is refused every mutating endpoint. An endpoint with path parameters the
 * test has no value for fails the test, so a new endpoint must be covered to land.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TenancyServeContract {

  abstract AtelierSettings settings(Path workspace);

  /** Endpoints every role may call about its own account: not "mutations of the org". */
  private static final Set<String> SELF_SERVICE_PREFIXES =
      Set.of("/api/auth/", "/api/me", "/api/keys", "/api/invitations/accept");

  private Path workspace;
  private RunningServer server;
  private Http owner;
  private Http anonymous;
  private JsonNode openApi;
  private Map<String, String> ids;
  private List<String> markersOfA;
  private Http otherOrg;
  private Http viewer;

  @BeforeAll
  void start(@TempDir Path folder) throws Exception {
    workspace = folder;
    Files.writeString(workspace.resolve("Alpha.java"), "class AlphaSecretThing {}\n");
    Path upstream = Files.createDirectories(workspace.resolve("upstream"));
    Files.writeString(upstream.resolve("Up.java"), "class Up {}\n");
    try (Git git = Git.init().setDirectory(upstream.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("first").setAuthor("t", "t@example.com").call();
    }
    server =
        new AtelierServer()
            .start(
                settings(workspace), Map.of("atelier.repos.roots", workspace.toString()), Map.of())
            .server();
    owner = Http.withInstallToken(server.url(), workspace.resolve(".atelier"));
    anonymous = owner.anonymous();
    openApi = owner.json(anonymous.get("/api/openapi.json"));

    // Local mode registered the served folder already (200); service mode registers it now (201).
    long repository =
        owner
            .json(owner.json("POST", "/api/repos", "{\"path\": \"" + workspace + "\"}"))
            .get("id")
            .asLong();
    awaitIndexed(repository);
    String clone =
        owner
            .json(owner.json("POST", "/api/repos", "{\"gitUrl\": \"" + upstream.toUri() + "\"}"))
            .get("id")
            .asString();
    long project =
        owner
            .json(owner.json("POST", "/api/projects", "{\"name\": \"alpha-project\"}"))
            .get("id")
            .asLong();
    long channel =
        owner
            .json(owner.json("POST", "/api/channels", "{\"name\": \"alpha-channel\"}"))
            .get("id")
            .asLong();
    long message =
        owner
            .json(
                owner.json(
                    "POST",
                    "/api/messages",
                    "{\"channelId\": " + channel + ", \"body\": \"AlphaSecretThing in chat\"}"))
            .get("id")
            .asLong();
    JsonNode key =
        owner.json(
            owner.json("POST", "/api/keys", "{\"name\": \"alpha-key\", \"scopes\": [\"read\"]}"));
    String memberCode = invite("alpha-member@example.com", "member");
    long pending =
        owner
            .json(
                owner.json(
                    "POST",
                    "/api/orgs/1/invitations",
                    "{\"email\": \"alpha-pending@example.com\", \"role\": \"member\"}"))
            .get("id")
            .asLong();
    JsonNode member = register("alpha-member@example.com", memberCode, null);
    Http memberClient = anonymous.withBearer(member.get("accessToken").asString());
    String session =
        memberClient.json(memberClient.get("/api/me/sessions")).get(0).get("id").asString();
    viewer =
        anonymous.withBearer(
            register("alpha-viewer@example.com", invite("alpha-viewer@example.com", "viewer"), null)
                .get("accessToken")
                .asString());
    otherOrg =
        anonymous.withBearer(
            register("beta-owner@example.com", null, "Beta").get("accessToken").asString());

    long memberId = member.at("/identity/userId").asLong();
    ids =
        Map.ofEntries(
            Map.entry("/api/repos/{id}", Long.toString(repository)),
            Map.entry("/api/clones/{id}", clone),
            Map.entry("/api/keys/{id}", key.at("/key/id").asString()),
            Map.entry("/api/projects/{id}", Long.toString(project)),
            Map.entry("/api/channels/{id}", Long.toString(channel)),
            Map.entry("/api/messages/{id}", Long.toString(message)),
            Map.entry("{emoji}", "+1"),
            Map.entry("/api/orgs/{id}", "1"),
            Map.entry("{userId}", Long.toString(memberId)),
            Map.entry("{invitationId}", Long.toString(pending)),
            Map.entry("/api/me/sessions/{id}", session),
            // A tool that changes data: refused to a viewer, not found in another org.
            Map.entry("{name}", "record_learning"),
            Map.entry("{provider}", "github"));
    markersOfA =
        List.of(
            "AlphaSecretThing",
            "alpha-project",
            "alpha-channel",
            key.at("/key/prefix").asString(),
            "alpha-member@example.com",
            "alpha-pending@example.com",
            session,
            workspace.getFileName().toString());
  }

  @AfterAll
  void stop() {
    server.stop();
  }

  @Test
  void anotherOrgGetsNotFoundForEveryIdOfThisOrgAndSeesNoneOfItsData() {
    TreeSet<String> covered = new TreeSet<>();
    List<String> failures = new ArrayList<>();
    for (Operation operation : operations()) {
      boolean withIds = operation.path().contains("{");
      if (!withIds && !operation.method().equals("GET")) {
        // Creations and the caller's own account: nothing of another org to name.
        continue;
      }
      HttpResponse<String> response =
          otherOrg.send(
              request(otherOrg, operation, withIdsOfA(operation.path()) + operation.query()));
      if (withIds && response.statusCode() != 404) {
        failures.add(operation + " answered " + response.statusCode() + ": " + response.body());
      }
      if (!withIds) {
        for (String marker : markersOfA) {
          if (response.body().contains(marker)) {
            failures.add(operation + " shows org A's " + marker);
          }
        }
      }
      covered.add(operation.method() + " " + operation.path());
    }
    System.out.println("cross-org calls covered: " + covered);
    assertThat(failures).isEmpty();
    assertThat(covered).hasSizeGreaterThan(20);
  }

  @Test
  void anotherOrgCannotSubscribeToThisOrgsEventTopics() throws Exception {
    String repo = "repo:" + ids.get("/api/repos/{id}");
    String clone = "clone:" + ids.get("/api/clones/{id}");
    for (String topic : List.of(repo, clone, "unknown:1")) {
      HttpResponse<String> refused = otherOrg.get("/api/events?topic=" + topic);
      assertThat(refused.statusCode()).as(topic).isEqualTo(404);
      assertThat(refused.body()).contains("topic-not-found");
    }
    try (SseClient own = new SseClient(owner, "/api/events?topic=" + repo, null)) {
      assertThat(own.status()).isEqualTo(200);
    }
  }

  @Test
  void aViewerIsRefusedEveryMutatingEndpoint() {
    TreeSet<String> covered = new TreeSet<>();
    List<String> failures = new ArrayList<>();
    for (Operation operation : operations()) {
      if (operation.method().equals("GET")
          || SELF_SERVICE_PREFIXES.stream().anyMatch(operation.path()::startsWith)
          || (operation.method().equals("POST") && operation.path().equals("/api/orgs"))) {
        continue;
      }
      HttpResponse<String> response =
          viewer.send(request(viewer, operation, withIdsOfA(operation.path()) + operation.query()));
      if (response.statusCode() != 403) {
        failures.add(operation + " answered " + response.statusCode() + ": " + response.body());
      }
      covered.add(operation.method() + " " + operation.path());
    }
    System.out.println("viewer refused on: " + covered);
    assertThat(failures).isEmpty();
    assertThat(covered).hasSizeGreaterThan(10);
  }

  private record Operation(String method, String path, String query) {}

  // Required query parameters get values that would find org A's data if tenancy failed.
  private static final Map<String, String> QUERY_VALUES =
      Map.of("q", "AlphaSecretThing", "symbol", "AlphaSecretThing", "path", "Alpha.java");

  private List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : openApi.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : method.getValue().path("parameters")) {
          if (parameter.path("in").asString().equals("query")
              && parameter.path("required").asBoolean(false)) {
            String name = parameter.get("name").asString();
            query.append(query.isEmpty() ? "?" : "&").append(name).append('=');
            query.append(QUERY_VALUES.getOrDefault(name, "x"));
          }
        }
        operations.add(
            new Operation(method.getKey().toUpperCase(), path.getKey(), query.toString()));
      }
    }
    return operations;
  }

  // Every path parameter gets org A's value, by the most specific rule that names it.
  private String withIdsOfA(String template) {
    String path = template;
    for (Map.Entry<String, String> rule : ids.entrySet()) {
      String key = rule.getKey();
      if (key.startsWith("{")) {
        path = path.replace(key, rule.getValue());
      } else if (path.startsWith(key)) {
        path =
            rule.getValue() == null
                ? path
                : key.replace("{id}", rule.getValue()) + path.substring(key.length());
      }
    }
    assertThat(path).as("no value of org A for a parameter of " + template).doesNotContain("{");
    return path;
  }

  private static java.net.http.HttpRequest.Builder request(
      Http client, Operation operation, String path) {
    return client
        .request(path)
        .header("Content-Type", "application/json")
        .method(
            operation.method(),
            operation.method().equals("GET") || operation.method().equals("DELETE")
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(
                    "{\"name\": \"x\", \"role\": \"member\", \"userId\": 1}"));
  }

  private String invite(String email, String role) {
    JsonNode made =
        owner.json(
            owner.json(
                "POST",
                "/api/orgs/1/invitations",
                "{\"email\": \"" + email + "\", \"role\": \"" + role + "\"}"));
    String link = made.get("link").asString();
    return link.substring(link.indexOf("code=") + 5);
  }

  private JsonNode register(String email, String invitation, String org) {
    HttpResponse<String> registered =
        anonymous.json(
            "POST",
            "/api/auth/register",
            "{\"email\": \""
                + email
                + "\", \"password\": \"tenancy-is-one-place\""
                + (invitation == null ? "" : ", \"invitation\": \"" + invitation + "\"")
                + (org == null ? "" : ", \"orgName\": \"" + org + "\"")
                + "}");
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    return anonymous.json(registered);
  }

  private void awaitIndexed(long repository) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!owner
        .get("/api/repos/" + repository + "/search/symbols?q=AlphaSecretThing")
        .body()
        .contains("AlphaSecretThing")) {
      assertThat(System.nanoTime()).as("indexed within a minute").isLessThan(deadline);
      Thread.sleep(100);
    }
  }
}
