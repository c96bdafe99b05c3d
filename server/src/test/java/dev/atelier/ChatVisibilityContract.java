package dev.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.cli.RunningServer;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.testing.Http;
import dev.atelier.testing.SseClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * No one outside a private channel ever hears of it: every chat event its members cause — taken
 * from what the replay log actually recorded, plus the live-only signals — reaches its members and
 * never a member of the same org outside it, nor another org, on any topic they may subscribe to;
 * and search finds its words for members only.
 */
abstract class ChatVisibilityContract {

  abstract AtelierSettings settings(Path workspace);

  /** A JDBC connection to the server's database, to read the replay log. */
  abstract Connection connect(Path workspace) throws SQLException;

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String SECRET = "zanzibarquokka";

  @TempDir Path workspace;

  @Test
  void aPrivateChannelsEventsAndWordsReachItsMembersOnly() throws Exception {
    RunningServer server =
        new AtelierServer()
            .start(
                settings(workspace).withAuthRequired(true),
                Map.of("atelier.auth.registration", "open"),
                Map.of())
            .server();
    try {
      Http anonymous = new Http(server.url());
      AccountsServeContract.Session olgaSession =
          AccountsServeContract.register(anonymous, "olga-v@example.com", "Visible");
      Http olga = anonymous.withBearer(olgaSession.accessToken());
      long org = olgaSession.orgId();
      Member dana = join(olga, org, "dana-v@example.com");
      Member bob = join(olga, org, "bob-v@example.com");
      AccountsServeContract.Session otto =
          AccountsServeContract.register(anonymous, "otto-v@example.com", "Elsewhere");
      Http asOtto = anonymous.withBearer(otto.accessToken());
      long lobby =
          id(olga.json("POST", "/api/channels", "{\"name\":\"lobby\",\"kind\":\"public\"}"));

      List<SseClient> outside = new ArrayList<>();
      outside.add(
          new SseClient(
              bob.http(),
              "/api/events?topic=org:"
                  + org
                  + "&topic=user:"
                  + bob.id()
                  + "&topic=channel:"
                  + lobby,
              null));
      outside.add(
          new SseClient(
              asOtto,
              "/api/events?topic=org:" + otto.orgId() + "&topic=user:" + otto.userId(),
              null));
      SseClient olgaOwn =
          new SseClient(olga, "/api/events?topic=user:" + olgaSession.userId(), null);
      SseClient danaOwn = new SseClient(dana.http(), "/api/events?topic=user:" + dana.id(), null);

      long secret =
          id(olga.json("POST", "/api/channels", "{\"name\":\"plans\",\"kind\":\"private\"}"));
      SseClient inside = new SseClient(olga, "/api/events?topic=channel:" + secret, null);
      ok(
          olga.json(
              "POST", "/api/channels/" + secret + "/members", "{\"userId\":" + dana.id() + "}"));
      long root =
          id(
              olga.json(
                  "POST",
                  "/api/messages",
                  "{\"channelId\":"
                      + secret
                      + ",\"body\":\""
                      + SECRET
                      + " for <@"
                      + dana.id()
                      + ">\"}"));
      long reply =
          id(
              dana.http()
                  .json(
                      "POST",
                      "/api/messages",
                      "{\"channelId\":"
                          + secret
                          + ",\"threadId\":"
                          + root
                          + ",\"body\":\"noted\"}"));
      ok(olga.json("PATCH", "/api/messages/" + root, "{\"body\":\"" + SECRET + " again\"}"));
      ok(dana.http().json("POST", "/api/messages/" + root + "/reactions/%F0%9F%91%8D", "{}"));
      ok(dana.http().delete("/api/messages/" + root + "/reactions/%F0%9F%91%8D"));
      ok(olga.json("POST", "/api/channels/" + secret + "/typing", "{}"));
      ok(olga.json("PUT", "/api/channels/" + secret + "/read", "{\"messageId\":" + reply + "}"));

      // Search sees the channel's words for its members only, before anything is removed.
      assertThat(hits(olga, SECRET)).isPositive();
      assertThat(hits(dana.http(), SECRET)).isPositive();
      assertThat(hits(bob.http(), SECRET)).isZero();
      assertThat(hits(asOtto, SECRET)).isZero();
      assertThat(hits(bob.http(), "noted")).isZero();

      ok(olga.json("PATCH", "/api/channels/" + secret, "{\"name\":\"plans-2\"}"));
      ok(olga.delete("/api/messages/" + reply));
      ok(olga.delete("/api/channels/" + secret + "/members/" + dana.id()));
      ok(olga.delete("/api/channels/" + secret));

      Set<String> logged = loggedTypes(org);
      assertThat(logged)
          .as("every kind of chat event the scenario caused was logged")
          .contains(
              "channelCreated",
              "memberJoined",
              "newMessage",
              "mention",
              "messageEdited",
              "reactionAdded",
              "reactionRemoved",
              "readMarker",
              "channelUpdated",
              "messageDeleted",
              "memberLeft",
              "channelDeleted");
      Set<String> heardInside = new TreeSet<>();
      // The channel's deletion is the last event: once its owner has it, every stream has had its
      // share of the scenario, and what follows is a bounded wait for silence.
      SseClient.Received received;
      while ((received = olgaOwn.nextEvent(Duration.ofSeconds(10))) != null) {
        String type = JSON.readTree(received.data()).get("type").asString();
        heardInside.add(type);
        if (type.equals("channelDeleted")) {
          break;
        }
      }
      assertThat(heardInside).contains("channelDeleted");
      for (SseClient member : List.of(inside, olgaOwn, danaOwn)) {
        drain(member).forEach(event -> heardInside.add(event.get("type").asString()));
        member.close();
      }
      assertThat(heardInside)
          .as("the members heard each of them")
          .containsAll(logged)
          .contains("typing");
      for (SseClient stranger : outside) {
        List<JsonNode> heard = drain(stranger);
        stranger.close();
        assertThat(heard)
            .as("a stranger heard nothing of the private channel")
            .noneMatch(event -> event.at("/payload/channelId").asLong() == secret)
            .noneMatch(event -> event.toString().contains(SECRET));
      }
    } finally {
      server.stop();
    }
  }

  private record Member(Http http, long id) {}

  private static Member join(Http owner, long org, String email) {
    JsonNode tokens = AccountsServeContract.join(owner, org, email, "member");
    return new Member(
        owner.anonymous().withBearer(tokens.get("accessToken").asString()),
        tokens.at("/identity/userId").asLong());
  }

  private static long id(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
    return JSON.readTree(response.body()).get("id").asLong();
  }

  private static void ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
  }

  private static int hits(Http client, String word) {
    HttpResponse<String> found = client.get("/api/search?q=" + word);
    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    return JSON.readTree(found.body()).get("hits").size();
  }

  private static List<JsonNode> drain(SseClient stream) throws InterruptedException {
    List<JsonNode> events = new ArrayList<>();
    SseClient.Received received;
    while ((received = stream.nextEvent(Duration.ofMillis(500))) != null) {
      events.add(JSON.readTree(received.data()));
    }
    return events;
  }

  private Set<String> loggedTypes(long org) throws SQLException {
    Set<String> types = new TreeSet<>();
    try (Connection connection = connect(workspace);
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("select distinct type from event_log where org_id = " + org)) {
      while (rows.next()) {
        types.add(rows.getString(1));
      }
    }
    return types;
  }

  static Connection sqlite(Path workspace) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:sqlite:" + AtelierSettings.local(workspace).dataDir().resolve("atelier.db"));
  }
}
