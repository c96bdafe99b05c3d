package dev.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.AccountsServeContract.Session;
import dev.atelier.events.EventBus;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.testing.Http;
import dev.atelier.testing.SseClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event streams end to end on a real server with accounts: seed 004's envelope, replay after a
 * cut connection and after a restart, tickets, the {@code /events} alias, WebSocket, org isolation
 * and presence. Runs on SQLite and on PostgreSQL + Redis.
 */
abstract class EventStreamsServeContract {

  abstract AtelierSettings settings(Path workspace);

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path workspace;
  AtelierServer.Started started;
  Http anonymous;
  // Unique per test: service-mode tests of one class share a database.
  final String aliceEmail = "alice-" + System.nanoTime() + "@example.com";
  Session alice;
  Http asAlice;

  @BeforeEach
  void start() {
    started = start(workspace);
    anonymous = new Http(started.server().url());
    alice = AccountsServeContract.register(anonymous, aliceEmail, "Alpha");
    asAlice = anonymous.withBearer(alice.accessToken());
  }

  AtelierServer.Started start(Path folder) {
    return new AtelierServer()
        .start(
            settings(folder).withAuthRequired(true),
            Map.of(
                "atelier.auth.registration", "open",
                "atelier.events.heartbeat", "500ms",
                "atelier.events.presence-grace", "200ms"),
            Map.of());
  }

  @AfterEach
  void stop() {
    started.server().stop();
  }

  EventBus bus() {
    return started.context().getBean(EventBus.class);
  }

  // Alice's own topic: unlike org:ID it carries no presence signals between the counted events.
  String myTopic() {
    return "user:" + alice.userId();
  }

  @Test
  void aClientCutMidStreamReconnectsWithLastEventIdAndGetsEveryEventOnceInOrder() throws Exception {
    List<Integer> seen = new ArrayList<>();
    String last;
    try (SseClient sse = new SseClient(asAlice, "/api/events?topic=" + myTopic(), null)) {
      for (int i = 1; i <= 10; i++) {
        bus().publish(alice.orgId(), myTopic(), "counted", Map.of("n", i));
      }
      SseClient.Received received = null;
      for (int i = 0; i < 4; i++) {
        received = sse.nextEvent(Duration.ofSeconds(5));
        assertThat(received).isNotNull();
        seen.add(envelope(received).at("/payload/n").asInt());
      }
      last = received.id();
    }
    for (int i = 11; i <= 15; i++) {
      bus().publish(alice.orgId(), myTopic(), "counted", Map.of("n", i));
    }
    try (SseClient sse = new SseClient(asAlice, "/api/events?topic=" + myTopic(), last)) {
      SseClient.Received received;
      while ((received = sse.nextEvent(Duration.ofSeconds(2))) != null) {
        seen.add(envelope(received).at("/payload/n").asInt());
      }
    }
    assertThat(seen).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  }

  @Test
  void everyEventCarriesSeed004sEnvelope() throws Exception {
    try (SseClient sse = new SseClient(asAlice, "/api/events?topic=" + myTopic(), null)) {
      bus().publish(alice.orgId(), myTopic(), "channelCreated", Map.of("channelId", 7));
      SseClient.Received received = sse.nextEvent(Duration.ofSeconds(5));
      assertThat(received).isNotNull();
      assertThat(received.event()).isEqualTo("channelCreated");
      JsonNode envelope = envelope(received);
      assertThat(envelope.get("id").asLong()).isEqualTo(Long.parseLong(received.id()));
      assertThat(envelope.get("type").asString()).isEqualTo("channelCreated");
      assertThat(envelope.get("orgId").asLong()).isEqualTo(alice.orgId());
      assertThat(envelope.get("topic").asString()).isEqualTo(myTopic());
      assertThat(envelope.at("/payload/channelId").asInt()).isEqualTo(7);
      assertThat(envelope.get("ts").asString()).endsWith("Z");
      SseClient.Received beat = sse.nextHeartbeat(Duration.ofSeconds(5));
      assertThat(beat).isNotNull();
      assertThat(JSON.readTree(beat.data()).get("type").asString()).isEqualTo("heartbeat");
    }
  }

  @Test
  void anotherOrgsMemberCannotSubscribeAndNeverReceivesItsEvents() throws Exception {
    Session bob =
        AccountsServeContract.register(
            anonymous, "bob-" + System.nanoTime() + "@example.com", "Beta");
    Http asBob = anonymous.withBearer(bob.accessToken());
    assertThat(asBob.get("/api/events?topic=" + myTopic()).statusCode()).isEqualTo(404);
    assertThat(asBob.get("/api/events?topic=user:" + alice.userId()).statusCode()).isEqualTo(404);

    assertThat(asBob.get("/api/events?topic=org:" + alice.orgId()).statusCode()).isEqualTo(404);
    try (SseClient sse = new SseClient(asBob, "/api/events?topic=user:" + bob.userId(), null)) {
      // Published on Bob's topic name but belonging to Alice's org: never delivered to Bob.
      bus().publish(alice.orgId(), "user:" + bob.userId(), "leak", Map.of());
      bus().publish(bob.orgId(), "user:" + bob.userId(), "mine", Map.of());
      SseClient.Received received = sse.nextEvent(Duration.ofSeconds(5));
      assertThat(received).isNotNull();
      assertThat(received.event()).isEqualTo("mine");
      assertThat(sse.nextEvent(Duration.ofMillis(700))).isNull();
    }
  }

  @Test
  void aTicketOpensTheStreamsAtTheAliasButNothingElse() throws Exception {
    JsonNode ticket = asAlice.json(asAlice.json("POST", "/api/auth/ticket", "{}"));
    String value = ticket.get("ticket").asString();

    try (SseClient sse =
        new SseClient(anonymous, "/events?topic=" + myTopic() + "&ticket=" + value, null)) {
      assertThat(sse.status()).isEqualTo(200);
      bus().publish(alice.orgId(), myTopic(), "viaTicket", Map.of());
      SseClient.Received received = sse.nextEvent(Duration.ofSeconds(5));
      assertThat(received).isNotNull();
      assertThat(received.event()).isEqualTo("viaTicket");
    }
    assertThat(anonymous.get("/api/me?ticket=" + value).statusCode()).isEqualTo(401);
    assertThat(anonymous.withBearer(value).get("/api/me").statusCode()).isEqualTo(401);
    assertThat(anonymous.get("/api/events?topic=" + myTopic() + "&ticket=forged").statusCode())
        .isEqualTo(401);
  }

  @Test
  void aWebSocketSubscribesReplaysUnsubscribesAndGetsProblemsAsMessages() throws Exception {
    long before = bus().publish(alice.orgId(), myTopic(), "earlier", Map.of("n", 0)).id();
    bus().publish(alice.orgId(), myTopic(), "missed", Map.of("n", 1));
    String ticket =
        asAlice.json(asAlice.json("POST", "/api/auth/ticket", "{}")).get("ticket").asString();
    Socket socket = Socket.open(started.server().url(), ticket);
    try {
      socket.send(
          "{\"type\":\"subscribe\",\"topics\":[\""
              + myTopic()
              + "\"],\"lastEventId\":"
              + before
              + "}");
      assertThat(socket.next("subscribed").get("topics").get(0).asString()).isEqualTo(myTopic());
      assertThat(socket.next("missed").at("/payload/n").asInt()).isEqualTo(1);
      bus().publish(alice.orgId(), myTopic(), "live", Map.of("n", 2));
      assertThat(socket.next("live").get("orgId").asLong()).isEqualTo(alice.orgId());

      socket.send("{\"type\":\"subscribe\",\"topics\":[\"org:999999\"]}");
      JsonNode refused = socket.next("error");
      assertThat(refused.get("status").asInt()).isEqualTo(404);
      assertThat(refused.get("code").asString()).isEqualTo("topic-not-found");
      socket.send("not json");
      assertThat(socket.next("error").get("code").asString()).isEqualTo("invalid-message");
      socket.send("{\"type\":\"ping\"}");
      socket.next("pong");

      socket.send("{\"type\":\"unsubscribe\",\"topics\":[\"" + myTopic() + "\"]}");
      socket.next("unsubscribed");
      bus().publish(alice.orgId(), myTopic(), "afterUnsubscribe", Map.of());
      socket.send("{\"type\":\"ping\"}");
      socket.next("pong");
      assertThat(socket.seen()).doesNotContain("afterUnsubscribe");
      socket.next("heartbeat");
    } finally {
      socket.close();
    }
    assertThat(
            HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(
                    URI.create(started.server().url().replace("http", "ws") + "/api/ws"),
                    new WebSocket.Listener() {})
                .handle((ws, e) -> e != null)
                .get(5, TimeUnit.SECONDS))
        .as("a handshake without a credential is refused")
        .isTrue();
  }

  @Test
  void aUserIsOnlineWhileAStreamIsOpenAndOthersHearIt() throws Exception {
    String orgTopic = "org:" + alice.orgId();
    try (SseClient watcher = new SseClient(asAlice, "/api/events?topic=" + orgTopic, null)) {
      SseClient.Received online = watcher.nextEvent(Duration.ofSeconds(5));
      assertThat(online).isNotNull();
      assertThat(online.event()).isEqualTo("presence");
      assertThat(online.id()).as("a signal, never replayed").isNull();
      assertThat(envelope(online).at("/payload/userId").asLong()).isEqualTo(alice.userId());
      assertThat(envelope(online).at("/payload/status").asString()).isEqualTo("online");
      assertThat(presence(asAlice)).contains(alice.userId());
      Http install = Http.withInstallToken(started.server().url(), workspace.resolve(".atelier"));
      assertThat(install.get("/api/presence").statusCode()).isEqualTo(200);
      watcher.close();
    }
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (presence(asAlice).contains(alice.userId()) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(presence(asAlice)).doesNotContain(alice.userId());
  }

  @Test
  void eventsLoggedBeforeARestartAreReplayedAfterIt() throws Exception {
    long mark = bus().publish(alice.orgId(), myTopic(), "before", Map.of("n", 1)).id();
    bus().publish(alice.orgId(), myTopic(), "before", Map.of("n", 2));
    started.server().stop();
    started = start(workspace);
    Http again = new Http(started.server().url());
    String token =
        again
            .json(
                again.json(
                    "POST",
                    "/api/auth/login",
                    "{\"email\": \""
                        + aliceEmail
                        + "\", \"password\": \"long-enough-passphrase\"}"))
            .get("accessToken")
            .asString();
    try (SseClient sse =
        new SseClient(again.withBearer(token), "/api/events?topic=" + myTopic(), "" + mark)) {
      SseClient.Received received = sse.nextEvent(Duration.ofSeconds(5));
      assertThat(received).isNotNull();
      assertThat(envelope(received).at("/payload/n").asInt()).isEqualTo(2);
    }
  }

  private List<Long> presence(Http client) {
    List<Long> online = new ArrayList<>();
    client.json(client.get("/api/presence")).get("online").forEach(id -> online.add(id.asLong()));
    return online;
  }

  private static JsonNode envelope(SseClient.Received received) {
    return JSON.readTree(received.data());
  }

  /** A WebSocket client collecting text messages by type. */
  static final class Socket implements WebSocket.Listener {
    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private @Nullable WebSocket socket;

    static Socket open(String baseUrl, String ticket) throws Exception {
      Socket listener = new Socket();
      listener.socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(
                  URI.create(baseUrl.replace("http", "ws") + "/api/ws?ticket=" + ticket), listener)
              .get(5, TimeUnit.SECONDS);
      return listener;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        messages.add(JSON.readTree(partial.toString()));
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    void send(String text) {
      WebSocket open = socket;
      assertThat(open).isNotNull();
      open.sendText(text, true).join();
    }

    /** The next message of this type; others on the way are remembered in {@link #seen}. */
    JsonNode next(String type) throws InterruptedException {
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (true) {
        JsonNode message = messages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        assertThat(message).as("a '" + type + "' message within 5 s; seen " + seen).isNotNull();
        String got = message.path("type").asString("");
        seen.add(got);
        if (got.equals(type)) {
          return message;
        }
      }
    }

    List<String> seen() {
      return seen;
    }

    void close() {
      WebSocket open = socket;
      if (open != null) {
        open.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
      }
    }
  }
}
