package dev.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.chat.ChannelCreated;
import dev.atelier.chat.MessageDeleted;
import dev.atelier.chat.MessageEdited;
import dev.atelier.chat.MessagePosted;
import dev.atelier.chat.ReactionAdded;
import dev.atelier.cli.RunningServer;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.testing.Http;
import dev.atelier.testing.SseClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Team chat over real HTTP, on both databases, with the same expectations: threads and reply
 * counts, edit history, soft delete leaving search, search results (partial words, CJK, whole words
 * first, snippets) identical on SQLite and PostgreSQL, private channels invisible to non-members,
 * cursor paging that returns every message once, and a viewer who cannot post.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ChatServeContract {

  abstract AtelierSettings settings(Path workspace);

  @TempDir static Path workspace;
  RunningServer server;
  Http olga;
  long olgaId;
  long orgId;
  Http bob;
  long bobId;
  Http vic;
  Http outsider;
  final List<Object> chatEvents = new CopyOnWriteArrayList<>();

  @BeforeAll
  void start() {
    AtelierServer.Started started =
        new AtelierServer()
            .start(
                settings(workspace).withAuthRequired(true),
                Map.of("atelier.auth.registration", "open"),
                Map.of());
    server = started.server();
    started
        .context()
        .addApplicationListener(
            (ApplicationListener<PayloadApplicationEvent<?>>)
                event -> {
                  if (event.getPayload().getClass().getPackageName().equals("dev.atelier.chat")) {
                    chatEvents.add(event.getPayload());
                  }
                });
    Http anonymous = new Http(server.url());
    AccountsServeContract.Session owner =
        AccountsServeContract.register(anonymous, "olga@example.com", "Chatters");
    olga = anonymous.withBearer(owner.accessToken());
    olgaId = owner.userId();
    orgId = owner.orgId();
    JsonNode bobTokens = join(olga, owner.orgId(), "bob@example.com", "member");
    bob = anonymous.withBearer(bobTokens.get("accessToken").asString());
    bobId = bobTokens.at("/identity/userId").asLong();
    vic =
        anonymous.withBearer(
            join(olga, owner.orgId(), "vic@example.com", "viewer").get("accessToken").asString());
    outsider =
        anonymous.withBearer(
            AccountsServeContract.register(anonymous, "otto@example.com", "Elsewhere")
                .accessToken());
  }

  @AfterAll
  void stop() {
    server.stop();
  }

  @Test
  void threadsCountLiveRepliesAndKeepTheirPlace() {
    long channel = channel(olga, "threads", "public");
    long root = post(olga, channel, null, "Who reviews the parser change?");
    long first = post(bob, channel, root, "I can, after lunch");
    post(olga, channel, root, "Thanks!");
    long third = post(bob, channel, root, "Done, two comments");

    JsonNode rootNow = olga.json(olga.get("/api/messages/" + root));
    assertThat(rootNow.get("replyCount").asInt()).isEqualTo(3);
    assertThat(rootNow.get("lastReplyAt").asString()).isNotEmpty();
    assertThat(status(bob.delete("/api/messages/" + first))).isEqualTo(204);
    assertThat(olga.json(olga.get("/api/messages/" + root)).get("replyCount").asInt()).isEqualTo(2);

    JsonNode thread = olga.json(olga.get("/api/messages?threadId=" + root));
    assertThat(ids(thread.get("messages"))).hasSize(3).startsWith(third).endsWith(first);
    JsonNode tombstone = thread.get("messages").get(2);
    assertThat(tombstone.get("body").isNull()).isTrue();
    assertThat(tombstone.get("deletedAt").asString()).isNotEmpty();
    // The channel's own listing holds roots only.
    assertThat(ids(olga.json(olga.get("/api/messages?channelId=" + channel)).get("messages")))
        .containsExactly(root);
    // A reply to a reply is refused: threads are one level deep.
    assertThat(
            status(
                olga.json(
                    "POST",
                    "/api/messages",
                    "{\"threadId\": " + third + ", \"body\": \"nested\"}")))
        .isEqualTo(422);
  }

  @Test
  void editsKeepEveryPreviousBodyAndSearchFollowsTheLatest() {
    long channel = channel(olga, "edits", "public");
    long id = post(olga, channel, null, "Release on tuesday with walrusfeature");
    HttpResponse<String> notAuthor =
        bob.json("PATCH", "/api/messages/" + id, "{\"body\": \"hijacked\"}");
    assertThat(notAuthor.statusCode()).isEqualTo(403);
    edit(olga, id, "Release on wednesday with walrusfeature");
    JsonNode edited = edit(olga, id, "Release on thursday with narwhalfeature");
    assertThat(edited.get("version").asInt()).isEqualTo(3);
    assertThat(edited.get("editedAt").asString()).isNotEmpty();

    JsonNode versions = olga.json(olga.get("/api/messages/" + id + "/versions"));
    assertThat(versions).hasSize(2);
    assertThat(versions.get(0).get("version").asInt()).isEqualTo(1);
    assertThat(versions.get(0).get("body").asString()).contains("tuesday");
    assertThat(versions.get(1).get("body").asString()).contains("wednesday");

    assertThat(searchIds(olga, "walrusfeature", channel)).isEmpty();
    assertThat(searchIds(olga, "tuesday", channel)).isEmpty();
    assertThat(searchIds(olga, "narwhal", channel)).containsExactly(id);

    assertThat(status(bob.delete("/api/messages/" + id))).isEqualTo(403);
    assertThat(status(olga.delete("/api/messages/" + id))).isEqualTo(204);
    assertThat(searchIds(olga, "narwhalfeature", channel)).isEmpty();
    assertThat(searchIds(olga, "thursday", channel)).isEmpty();
    assertThat(status(olga.get("/api/messages/" + id))).isEqualTo(404);
    assertThat(status(olga.json("PATCH", "/api/messages/" + id, "{\"body\": \"back\"}")))
        .isEqualTo(404);
  }

  /** The same data and queries on both databases answer the same ids in the same order. */
  @Test
  void searchFindsPartialWordsAndCjkWholeWordsFirstThenNewest() {
    long channel = channel(olga, "search", "public");
    long redeployment = post(olga, channel, null, "The redeployment finished at noon");
    long deploy = post(bob, channel, null, "deploy the api now");
    long tokyo = post(olga, channel, null, "明日は東京で会議があります");
    long code = post(bob, channel, null, "```java\nclass Deploy {}\n```\ncode sample");
    long ok = post(olga, channel, null, "ok then, <b>merged</b>");

    assertThat(searchIds(olga, "deploy", channel)).containsExactly(code, deploy, redeployment);
    assertThat(searchIds(olga, "東京", channel)).containsExactly(tokyo);
    assertThat(searchIds(olga, "東京で会議", channel)).containsExactly(tokyo);
    assertThat(searchIds(olga, "redeploy noon", channel)).containsExactly(redeployment);
    assertThat(searchIds(olga, "OK", channel)).containsExactly(ok);
    assertThat(searchIds(olga, "nothing-like-this", channel)).isEmpty();
    // Query syntax of either database is plain text here: no error, no accidental match.
    assertThat(searchIds(olga, "---", channel)).isEmpty();
    assertThat(searchIds(olga, "deploy ---", channel)).isEmpty();
    assertThat(searchIds(olga, "deploy*", channel)).isEmpty();
    assertThat(searchIds(olga, "it's NEAR( OR -", channel)).isEmpty();
    assertThat(searchIds(olga, "{}", channel)).containsExactly(code);
    assertThat(searchIds(olga, "deploy", channel, "&hasCode=true")).containsExactly(code);
    assertThat(searchIds(olga, "deploy", channel, "&hasCode=false"))
        .containsExactly(deploy, redeployment);
    assertThat(searchIds(olga, "deploy", channel, "&authorId=" + bobId))
        .containsExactly(code, deploy);
    assertThat(searchIds(olga, "deploy", channel, "&from=2999-01-01T00:00:00Z")).isEmpty();
    assertThat(searchIds(olga, "deploy", channel, "&to=2999-01-01T00:00:00Z")).hasSize(3);

    JsonNode hits = search(olga, "deploy", channel, "").get("hits");
    assertThat(hits.get(2).get("snippet").asString())
        .isEqualTo("The re<mark>deploy</mark>ment finished at noon");
    assertThat(hits.get(0).get("wholeWords").asBoolean()).isTrue();
    assertThat(hits.get(2).get("wholeWords").asBoolean()).isFalse();
    // Snippets are HTML: the body's markup is escaped, only <mark> is ours.
    assertThat(search(olga, "merged", channel, "").at("/hits/0/snippet").asString())
        .isEqualTo("ok then, &lt;b&gt;<mark>merged</mark>&lt;/b&gt;");

    assertThat(status(olga.get("/api/search?q=%20%20"))).isEqualTo(422);
    assertThat(status(olga.get("/api/search?q=deploy&from=yesterday"))).isEqualTo(422);
    assertThat(status(olga.get("/api/search?q=%22%25%5F%22"))).isEqualTo(422);
    assertThat(status(olga.get("/api/search?q=" + enc("\"deploy OR x*\" NEAR(")))).isEqualTo(200);
    // Another org finds nothing of this one.
    assertThat(outsider.json(outsider.get("/api/search?q=deploy")).get("hits")).isEmpty();
  }

  @Test
  void readersGetNewMessagesLiveAndOthersCannotSubscribe() throws Exception {
    long secret = channel(olga, "live-private", "private");
    String topic = "/api/events?topic=channel:" + secret;
    assertThat(status(bob.get(topic))).isEqualTo(404);
    assertThat(status(outsider.get(topic))).isEqualTo(404);
    try (SseClient live = new SseClient(olga, topic, null)) {
      assertThat(live.nextComment(java.time.Duration.ofSeconds(5))).isEqualTo("subscribed");
      long message = post(olga, secret, null, "streamed to readers only");
      SseClient.Received received = live.nextEvent(java.time.Duration.ofSeconds(5));
      assertThat(received).isNotNull();
      assertThat(received.event()).isEqualTo("newMessage");
      assertThat(received.data())
          .contains("\"messageId\":" + message)
          .contains("streamed to readers only");
      assertThat(
              status(
                  olga.json(
                      "PATCH",
                      "/api/messages/" + message,
                      "{\"body\": \"streamed, then edited\"}")))
          .isEqualTo(200);
      SseClient.Received edited = live.nextEvent(java.time.Duration.ofSeconds(5));
      assertThat(edited).isNotNull();
      assertThat(edited.event()).isEqualTo("messageEdited");
    }
  }

  @Test
  void aPrivateChannelIsInvisibleToNonMembers() {
    long secret = channel(olga, "secret-plans", "private");
    long message = post(olga, secret, null, "zebracrossing plan for friday");

    assertThat(status(bob.get("/api/channels/" + secret))).isEqualTo(404);
    assertThat(names(bob.json(bob.get("/api/channels")))).doesNotContain("secret-plans");
    assertThat(status(bob.get("/api/messages?channelId=" + secret))).isEqualTo(404);
    assertThat(status(bob.get("/api/messages/" + message))).isEqualTo(404);
    assertThat(status(bob.get("/api/channels/" + secret + "/members"))).isEqualTo(404);
    assertThat(searchIds(bob, "zebracrossing", null)).isEmpty();
    assertThat(searchIds(bob, "zebracrossing", secret)).isEmpty();
    assertThat(
            status(
                bob.json(
                    "POST",
                    "/api/messages",
                    "{\"channelId\": " + secret + ", \"body\": \"let me in\"}")))
        .isEqualTo(404);
    assertThat(status(bob.json("POST", "/api/channels/" + secret + "/members", "{}")))
        .isEqualTo(404);
    assertThat(status(bob.json("POST", "/api/messages/" + message + "/reactions/eyes", "")))
        .isEqualTo(404);
    assertThat(status(outsider.get("/api/channels/" + secret))).isEqualTo(404);

    assertThat(
            status(
                olga.json(
                    "POST", "/api/channels/" + secret + "/members", "{\"userId\": " + bobId + "}")))
        .isEqualTo(200);
    assertThat(status(bob.get("/api/channels/" + secret))).isEqualTo(200);
    assertThat(searchIds(bob, "zebracrossing", null)).containsExactly(message);
    assertThat(status(bob.delete("/api/channels/" + secret + "/members/" + bobId))).isEqualTo(204);
    assertThat(searchIds(bob, "zebracrossing", null)).isEmpty();
  }

  @Test
  void cursorPagingReturnsEveryMessageOnceNewestFirst() {
    long channel = channel(olga, "paging", "public");
    List<Long> posted = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      posted.add(post(i % 2 == 0 ? olga : bob, channel, null, "message number " + i));
    }
    List<Long> seen = new ArrayList<>();
    String cursor = "";
    int pages = 0;
    do {
      JsonNode page =
          olga.json(olga.get("/api/messages?channelId=" + channel + "&limit=7" + cursor));
      seen.addAll(ids(page.get("messages")));
      JsonNode next = page.get("nextBefore");
      cursor = next == null || next.isNull() ? "" : "&before=" + next.asLong();
      pages++;
    } while (!cursor.isEmpty() && pages < 10);
    assertThat(pages).isEqualTo(4);
    assertThat(seen).hasSize(25).doesNotHaveDuplicates();
    assertThat(seen).isEqualTo(posted.reversed());
    assertThat(status(olga.get("/api/messages?channelId=" + channel + "&limit=0"))).isEqualTo(422);
  }

  @Test
  void aViewerReadsButCannotPostAndBodiesAreLimited() {
    long channel = channel(olga, "announcements", "public");
    post(olga, channel, null, "Welcome");
    assertThat(status(vic.get("/api/messages?channelId=" + channel))).isEqualTo(200);
    HttpResponse<String> refused =
        vic.json("POST", "/api/messages", "{\"channelId\": " + channel + ", \"body\": \"hi\"}");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(status(vic.json("POST", "/api/channels", "{\"name\": \"vics\"}"))).isEqualTo(403);

    HttpResponse<String> large =
        olga.json(
            "POST",
            "/api/messages",
            "{\"channelId\": " + channel + ", \"body\": \"" + "x".repeat(16 * 1024 + 1) + "\"}");
    assertThat(large.statusCode()).isEqualTo(413);
    assertThat(olga.json(large).get("type").asString()).endsWith("message-too-large");
    assertThat(
            status(
                olga.json(
                    "POST",
                    "/api/messages",
                    "{\"channelId\": "
                        + channel
                        + ", \"body\": \""
                        + "x".repeat(16 * 1024)
                        + "\"}")))
        .isEqualTo(201);
  }

  @Test
  void channelsRenameArchiveAndDeleteByTheirRules() {
    long channel = channel(bob, "bobs-room", "public");
    long message = post(bob, channel, null, "kiwifruit salad");
    assertThat(status(bob.json("POST", "/api/messages/" + message + "/reactions/+1", "")))
        .isEqualTo(200);
    JsonNode reacted =
        olga.json(olga.json("POST", "/api/messages/" + message + "/reactions/%F0%9F%8E%89", ""));
    assertThat(reacted.get("reactions")).hasSize(2);
    assertThat(status(olga.json("POST", "/api/messages/" + message + "/reactions/+1", "")))
        .isEqualTo(200);
    assertThat(status(olga.json("POST", "/api/messages/" + message + "/reactions/+1", "")))
        .isEqualTo(409);
    assertThat(status(olga.json("POST", "/api/messages/" + message + "/reactions/a%20b", "")))
        .isEqualTo(422);
    assertThat(status(olga.delete("/api/messages/" + message + "/reactions/+1"))).isEqualTo(204);

    assertThat(
            olga.json(
                    olga.json("PATCH", "/api/channels/" + channel, "{\"name\": \"bobs-renamed\"}"))
                .get("name")
                .asString())
        .isEqualTo("bobs-renamed");
    assertThat(status(bob.json("PATCH", "/api/channels/" + channel, "{\"archived\": true}")))
        .isEqualTo(200);
    assertThat(
            status(
                bob.json(
                    "POST",
                    "/api/messages",
                    "{\"channelId\": " + channel + ", \"body\": \"still here?\"}")))
        .isEqualTo(409);
    assertThat(status(bob.delete("/api/channels/" + channel))).isEqualTo(403);
    assertThat(status(olga.delete("/api/channels/" + channel))).isEqualTo(204);
    assertThat(status(bob.get("/api/channels/" + channel))).isEqualTo(404);
    assertThat(searchIds(olga, "kiwifruit", null)).isEmpty();

    JsonNode direct =
        olga.json(
            olga.json(
                "POST", "/api/channels", "{\"kind\": \"direct\", \"memberIds\": [" + bobId + "]}"));
    assertThat(direct.get("kind").asString()).isEqualTo("direct");
    assertThat(status(bob.get("/api/channels/" + direct.get("id").asLong()))).isEqualTo(200);
    assertThat(status(vic.get("/api/channels/" + direct.get("id").asLong()))).isEqualTo(404);
  }

  /** What the events module will stream: one event per change, with the ids to route it by. */
  @Test
  void everyChangeIsPublishedAsAChatEvent() {
    long channel = channel(olga, "events", "private");
    long root = post(olga, channel, null, "root");
    long reply = post(olga, channel, root, "reply");
    edit(olga, reply, "reply, edited");
    assertThat(status(olga.json("POST", "/api/messages/" + reply + "/reactions/eyes", "")))
        .isEqualTo(200);
    assertThat(status(olga.delete("/api/messages/" + reply))).isEqualTo(204);

    List<Object> ofThisChannel =
        chatEvents.stream()
            .filter(e ->
                switch (e) {
                  case ChannelCreated c -> c.channelId() == channel;
                  case MessagePosted p -> p.channelId() == channel;
                  case MessageEdited m -> m.channelId() == channel;
                  case ReactionAdded r -> r.channelId() == channel;
                  case MessageDeleted d -> d.channelId() == channel;
                  default -> false;
                })
            .toList();
    assertThat(ofThisChannel)
        .containsExactly(
            new ChannelCreated(orgId, channel, "private"),
            new MessagePosted(orgId, channel, root, null, olgaId),
            new MessagePosted(orgId, channel, reply, root, olgaId),
            new MessageEdited(orgId, channel, reply, root, 2),
            new ReactionAdded(orgId, channel, reply, olgaId, "eyes"),
            new MessageDeleted(orgId, channel, reply, root));
  }

  private static JsonNode join(Http owner, long orgId, String email, String role) {
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

  private long channel(Http client, String name, String kind) {
    HttpResponse<String> made =
        client.json(
            "POST", "/api/channels", "{\"name\": \"" + name + "\", \"kind\": \"" + kind + "\"}");
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    return client.json(made).get("id").asLong();
  }

  private static long post(Http client, long channel, Long thread, String body) {
    String json =
        "{\"channelId\": "
            + channel
            + (thread == null ? "" : ", \"threadId\": " + thread)
            + ", \"body\": "
            + new JsonMapper().writeValueAsString(body)
            + "}";
    HttpResponse<String> posted = client.json("POST", "/api/messages", json);
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    return client.json(posted).get("id").asLong();
  }

  private static JsonNode edit(Http client, long id, String body) {
    HttpResponse<String> edited =
        client.json(
            "PATCH",
            "/api/messages/" + id,
            "{\"body\": " + new JsonMapper().writeValueAsString(body) + "}");
    assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
    return client.json(edited);
  }

  private static JsonNode search(Http client, String q, Long channel, String more) {
    HttpResponse<String> found =
        client.get(
            "/api/search?q=" + enc(q) + (channel == null ? "" : "&channelId=" + channel) + more);
    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    return client.json(found);
  }

  private static List<Long> searchIds(Http client, String q, Long channel) {
    return searchIds(client, q, channel, "");
  }

  private static List<Long> searchIds(Http client, String q, Long channel, String more) {
    List<Long> ids = new ArrayList<>();
    for (JsonNode hit : search(client, q, channel, more).get("hits")) {
      ids.add(hit.get("messageId").asLong());
    }
    return ids;
  }

  private static List<Long> ids(JsonNode messages) {
    List<Long> ids = new ArrayList<>();
    for (JsonNode message : messages) {
      ids.add(message.get("id").asLong());
    }
    return ids;
  }

  private static Set<String> names(JsonNode channels) {
    Set<String> names = new HashSet<>();
    for (JsonNode channel : channels) {
      names.add(channel.get("name").asString());
    }
    return names;
  }

  private static int status(HttpResponse<String> response) {
    return response.statusCode();
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
