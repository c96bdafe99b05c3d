package dev.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.chat.ChannelCreated;
import dev.atelier.chat.MessageDeleted;
import dev.atelier.chat.MessageEdited;
import dev.atelier.chat.MessagePosted;
import dev.atelier.chat.ReactionAdded;
import dev.atelier.cli.RunningServer;
import dev.atelier.events.Event;
import dev.atelier.events.EventBus;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.repos.NewRepository;
import dev.atelier.repos.ReposStorage;
import dev.atelier.repos.RepositoryKind;
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
import org.springframework.context.ConfigurableApplicationContext;
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
  final List<Event> busEvents = new CopyOnWriteArrayList<>();
  long repositoryId;
  EventBus bus;

  @BeforeAll
  void start() {
    AtelierServer.Started started =
        new AtelierServer()
            .start(
                settings(workspace).withAuthRequired(true),
                Map.of("atelier.auth.registration", "open"),
                Map.of());
    server = started.server();
    ConfigurableApplicationContext context = started.context();
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
    JsonNode bobTokens =
        AccountsServeContract.join(olga, owner.orgId(), "bob@example.com", "member");
    bob = anonymous.withBearer(bobTokens.get("accessToken").asString());
    bobId = bobTokens.at("/identity/userId").asLong();
    vic =
        anonymous.withBearer(
            AccountsServeContract.join(olga, owner.orgId(), "vic@example.com", "viewer")
                .get("accessToken")
                .asString());
    outsider =
        anonymous.withBearer(
            AccountsServeContract.register(anonymous, "otto@example.com", "Elsewhere")
                .accessToken());
    // What chat hands the bus on org and user topics (subscribed in process, past TopicAccess).
    bus = context.getBean(EventBus.class);
    bus.subscribe(
        orgId, List.of("org:" + orgId, "user:" + olgaId, "user:" + bobId), null, busEvents::add);
    repositoryId =
        context
            .getBean(ReposStorage.class)
            .repositories()
            .register(
                orgId,
                new NewRepository(
                    "atelier", RepositoryKind.WORKING_TREE, workspace.toString(), "main"))
            .id()
            .value();
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

    HttpResponse<String> tooLong =
        olga.json(
            "POST",
            "/api/messages",
            "{\"channelId\": " + channel + ", \"body\": \"" + "x".repeat(40_001) + "\"}");
    assertThat(tooLong.statusCode()).isEqualTo(422);
    assertThat(olga.json(tooLong).get("type").asString()).endsWith("message-too-long");
    assertThat(olga.json(tooLong).get("detail").asString()).contains("40000");
    // 40,000 characters, each of them outside the BMP: the limit counts characters, not bytes.
    assertThat(
            status(
                olga.json(
                    "POST",
                    "/api/messages",
                    "{\"channelId\": "
                        + channel
                        + ", \"body\": \""
                        + "\uD83D\uDE00".repeat(40_000)
                        + "\"}")))
        .isEqualTo(201);
    HttpResponse<String> huge =
        olga.json(
            "POST",
            "/api/messages",
            "{\"channelId\": " + channel + ", \"body\": \"" + "x".repeat(1024 * 1024) + "\"}");
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(olga.json(huge).get("type").asString()).endsWith("message-too-large");
    // The same without a Content-Length (chunked): refused alike once read.
    byte[] chunkedBody =
        ("{\"channelId\": " + channel + ", \"body\": \"" + "y".repeat(1024 * 1024 + 10) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> chunked =
        olga.send(
            olga.request("/api/messages")
                .header("Content-Type", "application/json")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(chunkedBody))));
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(
            status(
                olga.json(
                    "POST",
                    "/api/messages",
                    "{\"channelId\": " + channel + ", \"body\": \" \\n \"}")))
        .isEqualTo(422);
    assertThat(status(olga.json("POST", "/api/messages", "{\"channelId\": " + channel + "}")))
        .isEqualTo(422);
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

  @Test
  void bodiesRenderSanitisedWithMentionsAndCodeLinks() {
    long channel = channel(olga, "rendering", "public");
    String body =
        "Hey <@"
            + bobId
            + "> and <@999999>, see [[atelier:server/Main.java#L10-20]],"
            + " [[atelier::dev.atelier.Main]], [[atelier]] and [[nope:x.go]]\n\n"
            + "```go\nfunc main() {}\n```\n<script>alert(1)</script> [x](javascript:alert(1))";
    long id = post(olga, channel, null, body);
    JsonNode message = olga.json(olga.get("/api/messages/" + id));
    assertThat(message.get("body").asString()).isEqualTo(body);
    assertThat(message.get("authorType").asString()).isEqualTo("user");
    assertThat(message.get("authorName").asString()).isNotBlank();
    String html = message.get("html").asString();
    assertThat(html)
        .contains(
            "<a class=\"mention\" data-user-id=\"" + bobId + "\" href=\"/settings/members\">&#64;")
        .contains("<pre><code class=\"language-go\">")
        .contains(
            "<a class=\"code-link\" href=\"/repos/"
                + repositoryId
                + "/code/server/Main.java#L10-L20\">")
        .contains("[[nope:x.go]]")
        .contains("&lt;script&gt;")
        .doesNotContain("<script")
        .doesNotContain("href=\"javascript");
    assertThat(org.jsoup.Jsoup.parseBodyFragment(html).select("a.code-link").eachAttr("href"))
        .contains("/repos/" + repositoryId + "/search?q=dev.atelier.Main&mode=symbol");
    assertThat(message.get("mentions")).hasSize(1);
    assertThat(message.at("/mentions/0/userId").asLong()).isEqualTo(bobId);
    assertThat(message.get("codeLinks")).hasSize(3);
    JsonNode file = message.at("/codeLinks/0");
    assertThat(file.get("repository").asString()).isEqualTo("atelier");
    assertThat(file.get("repositoryId").asLong()).isEqualTo(repositoryId);
    assertThat(file.get("path").asString()).isEqualTo("server/Main.java");
    assertThat(file.get("startLine").asInt()).isEqualTo(10);
    assertThat(file.get("endLine").asInt()).isEqualTo(20);
    assertThat(message.at("/codeLinks/1/symbol").asString()).isEqualTo("dev.atelier.Main");
    // Listings carry the same rendering; an edit recomputes the mentions.
    JsonNode listed = olga.json(olga.get("/api/messages?channelId=" + channel)).at("/messages/0");
    assertThat(listed.get("html").asString()).isEqualTo(html);
    JsonNode edited = edit(olga, id, "no one mentioned now");
    assertThat(edited.get("mentions")).isEmpty();
    assertThat(edited.get("html").asString()).isEqualTo("<p>no one mentioned now</p>\n");
    // Another org's user id is no mention.
    assertThat(
            olga.json(
                    olga.get(
                        "/api/messages/" + post(olga, channel, null, "<@" + outsiderId() + ">")))
                .get("mentions"))
        .isEmpty();
  }

  @Test
  void readMarkersMoveForwardAndUnreadCountsFollow() {
    long channel = channel(olga, "unread", "public");
    assertThat(status(bob.json("POST", "/api/channels/" + channel + "/members", "{}")))
        .isEqualTo(200);
    long first = post(olga, channel, null, "one");
    long second = post(olga, channel, null, "two <@" + bobId + ">");
    long reply = post(olga, channel, first, "a reply counts too");
    post(bob, channel, null, "my own message is not unread to me");
    long deleted = post(olga, channel, null, "deleted, so not unread");
    assertThat(status(olga.delete("/api/messages/" + deleted))).isEqualTo(204);

    JsonNode mine = channelOf(bob, channel);
    assertThat(mine.get("unreadCount").asInt()).isEqualTo(3);
    assertThat(mine.get("mentionCount").asInt()).isEqualTo(1);
    assertThat(mine.get("lastReadId").isNull()).isTrue();
    assertThat(mine.get("lastMessageAt").asString()).isNotEmpty();
    assertThat(bob.json(bob.get("/api/channels/" + channel)).get("unreadCount").asInt())
        .isEqualTo(3);

    assertThat(read(bob, channel, second)).isEqualTo(204);
    mine = channelOf(bob, channel);
    assertThat(mine.get("lastReadId").asLong()).isEqualTo(second);
    assertThat(mine.get("unreadCount").asInt()).isEqualTo(1);
    assertThat(mine.get("mentionCount").asInt()).isZero();
    // Markers only move forward: an older message is accepted and changes nothing.
    assertThat(read(bob, channel, first)).isEqualTo(204);
    assertThat(channelOf(bob, channel).get("lastReadId").asLong()).isEqualTo(second);
    assertThat(read(bob, channel, reply)).isEqualTo(204);
    assertThat(channelOf(bob, channel).get("unreadCount").asInt()).isZero();
    assertThat(
            busEvents.stream()
                .filter(e -> e.topic().equals("user:" + bobId) && e.type().equals("readMarker"))
                .map(Event::payloadJson)
                .filter(json -> json.contains("\"channelId\":" + channel))
                .count())
        .isEqualTo(2);

    long elsewhere = post(olga, channel(olga, "unread-other", "public"), null, "elsewhere");
    assertThat(read(bob, channel, elsewhere)).isEqualTo(422);
    assertThat(read(bob, channel, 99_999_999)).isEqualTo(404);
    assertThat(status(bob.json("PUT", "/api/channels/" + channel + "/read", "{}"))).isEqualTo(422);
    long secret = channel(olga, "unread-secret", "private");
    long hidden = post(olga, secret, null, "hidden");
    assertThat(read(bob, secret, hidden)).isEqualTo(404);
    assertThat(read(outsider, channel, second)).isEqualTo(404);
    // The creator has bob's one message unread; someone joining later starts with history read.
    assertThat(channelOf(olga, channel).get("unreadCount").asInt()).isEqualTo(1);
    post(olga, channel, null, "while bob is away");
    assertThat(status(bob.delete("/api/channels/" + channel + "/members/" + bobId))).isEqualTo(204);
    assertThat(channelOf(bob, channel).get("unreadCount").asInt()).isZero();
    assertThat(status(bob.json("POST", "/api/channels/" + channel + "/members", "{}")))
        .isEqualTo(200);
    assertThat(channelOf(bob, channel).get("unreadCount").asInt()).isZero();
  }

  @Test
  void typingIsThrottledAndReachesTheChannelsReaders() throws Exception {
    long channel = channel(olga, "typing", "private");
    long root = post(olga, channel, null, "root");
    String topic = "/api/events?topic=channel:" + channel;
    try (SseClient live = new SseClient(olga, topic, null)) {
      assertThat(live.nextComment(java.time.Duration.ofSeconds(5))).isEqualTo("subscribed");
      assertThat(typing(olga, channel, "{\"threadId\": " + root + "}")).isEqualTo(204);
      assertThat(typing(olga, channel, "")).isEqualTo(204);
      assertThat(typing(olga, channel, "{}")).isEqualTo(204);
      SseClient.Received typed = live.nextEvent(java.time.Duration.ofSeconds(5));
      assertThat(typed).isNotNull();
      assertThat(typed.event()).isEqualTo("typing");
      assertThat(typed.data())
          .contains("\"userId\":" + olgaId)
          .contains("\"threadId\":" + root)
          .contains("\"channelId\":" + channel)
          .contains("\"displayName\"");
      // Within 3 s nothing more was published: the next event is the message posted now.
      long message = post(olga, channel, null, "after typing");
      SseClient.Received next = live.nextEvent(java.time.Duration.ofSeconds(5));
      assertThat(next).isNotNull();
      assertThat(next.event()).isEqualTo("newMessage");
      assertThat(next.data()).contains("\"messageId\":" + message);
    }
    assertThat(typing(bob, channel, "")).isEqualTo(404);
    assertThat(typing(outsider, channel, "")).isEqualTo(404);
    assertThat(typing(vic, channel(olga, "typing-public", "public"), "")).isEqualTo(403);
    long other = post(olga, channel(olga, "typing-other", "public"), null, "x");
    assertThat(typing(olga, channel, "{\"threadId\": " + other + "}")).isEqualTo(422);
  }

  @Test
  void channelLifecycleAndMentionsAreStreamedToTheirTopics() {
    long open = channel(olga, "lifecycle-open", "public");
    long closed = channel(olga, "lifecycle-closed", "private");
    List<Event> onChannel = new CopyOnWriteArrayList<>();
    EventBus.Subscription subscription =
        bus.subscribe(orgId, List.of("channel:" + closed), null, onChannel::add);
    assertThat(
            status(
                olga.json(
                    "POST", "/api/channels/" + closed + "/members", "{\"userId\": " + bobId + "}")))
        .isEqualTo(200);
    assertThat(status(olga.json("PATCH", "/api/channels/" + closed, "{\"topic\": \"t\"}")))
        .isEqualTo(200);
    long mention = post(olga, closed, null, "ping <@" + bobId + ">");
    long notYet = post(olga, closed, null, "later");
    edit(olga, notYet, "later, <@" + bobId + ">");
    assertThat(status(bob.delete("/api/channels/" + closed + "/members/" + bobId))).isEqualTo(204);
    assertThat(status(olga.delete("/api/channels/" + open))).isEqualTo(204);

    assertThat(eventsOf("org:" + orgId, open)).containsExactly("channelCreated", "channelDeleted");
    assertThat(eventsOf("org:" + orgId, closed)).isEmpty();
    assertThat(eventsOf("user:" + olgaId, closed))
        .containsExactly("channelCreated", "channelUpdated");
    assertThat(eventsOf("user:" + bobId, closed))
        .containsExactly("channelUpdated", "mention", "mention");
    assertThat(
            busEvents.stream()
                .filter(e -> e.topic().equals("user:" + bobId) && e.type().equals("mention"))
                .map(Event::payloadJson)
                .filter(json -> json.contains("\"channelId\":" + closed))
                .toList())
        .anySatisfy(json -> assertThat(json).contains("\"messageId\":" + mention))
        .anySatisfy(json -> assertThat(json).contains("\"messageId\":" + notYet));
    subscription.close();
    assertThat(onChannel.stream().map(Event::type))
        .containsExactly("memberJoined", "newMessage", "newMessage", "messageEdited", "memberLeft");
    assertThat(onChannel.getFirst().payloadJson()).contains("\"userId\":" + bobId);
    // Someone who may not read the channel is not told of a mention there.
    post(olga, closed, null, "bob is gone, <@" + bobId + ">");
    assertThat(eventsOf("user:" + bobId, closed))
        .containsExactly("channelUpdated", "mention", "mention");
  }

  @Test
  void agentKeysPostAsAgentsAndTheAuditTrailSaysSo() {
    long channel = channel(olga, "agents", "public");
    JsonNode made =
        olga.json(
            olga.json(
                "POST",
                "/api/keys",
                "{\"name\": \"helper\", \"scopes\": [\"read\", \"write\"], \"agent\": true}"));
    assertThat(made.at("/key/agent").asBoolean()).isTrue();
    JsonNode plain =
        olga.json(
            olga.json(
                "POST", "/api/keys", "{\"name\": \"script\", \"scopes\": [\"read\", \"write\"]}"));
    assertThat(plain.at("/key/agent").asBoolean()).isFalse();
    Http agent = olga.withBearer(made.get("secret").asString());
    Http script = olga.withBearer(plain.get("secret").asString());

    long byAgent = post(agent, channel, null, "I looked at the failing test");
    long byScript = post(script, channel, null, "nightly report");
    JsonNode agentMessage = olga.json(olga.get("/api/messages/" + byAgent));
    assertThat(agentMessage.get("authorType").asString()).isEqualTo("agent");
    assertThat(agentMessage.get("authorId").asLong()).isEqualTo(olgaId);
    assertThat(olga.json(olga.get("/api/messages/" + byScript)).get("authorType").asString())
        .isEqualTo("user");
    JsonNode audit = olga.json(olga.get("/api/audit?entityType=message&limit=50"));
    assertThat(actorOf(audit, byAgent)).isEqualTo("agent");
    assertThat(actorOf(audit, byScript)).isEqualTo("api_key");
  }

  @Test
  void shortCjkAndShortLatinQueriesFindMessagesAndForgetEditedWords() {
    long channel = channel(olga, "short-search", "public");
    long chinese = post(olga, channel, null, "我们明天讨论数据库迁移");
    long japanese = post(bob, channel, null, "東京の天気は晴れです");
    long both = post(olga, channel, null, "迁移は東京で");
    long latin = post(olga, channel, null, "go to db now");

    assertThat(searchIds(olga, "迁移", channel)).containsExactly(both, chinese);
    assertThat(searchIds(olga, "库", channel)).containsExactly(chinese);
    assertThat(searchIds(olga, "東", channel)).containsExactly(both, japanese);
    assertThat(searchIds(olga, "晴れ", channel)).containsExactly(japanese);
    assertThat(searchIds(olga, "東京 迁移", channel)).containsExactly(both);
    assertThat(searchIds(olga, "db", channel)).containsExactly(latin);
    assertThat(searchIds(olga, "天気", channel, "&authorId=" + olgaId)).isEmpty();

    edit(olga, chinese, "我们后天讨论索引");
    assertThat(searchIds(olga, "库", channel)).isEmpty();
    assertThat(searchIds(olga, "索引", channel)).containsExactly(chinese);
    assertThat(status(bob.delete("/api/messages/" + japanese))).isEqualTo(204);
    assertThat(searchIds(olga, "晴", channel)).isEmpty();
    assertThat(searchIds(olga, "東", channel)).containsExactly(both);
    assertThat(searchIds(outsider, "東", null)).isEmpty();
  }

  @Test
  void directConversationsAreFoundAgainAndArchivedChannelsAreReadOnly() {
    JsonNode first =
        olga.json(
            olga.json(
                "POST", "/api/channels", "{\"kind\": \"direct\", \"memberIds\": [" + bobId + "]}"));
    HttpResponse<String> again =
        bob.json(
            "POST", "/api/channels", "{\"kind\": \"direct\", \"memberIds\": [" + olgaId + "]}");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(bob.json(again).get("id").asLong()).isEqualTo(first.get("id").asLong());
    long direct = first.get("id").asLong();
    assertThat(status(olga.json("POST", "/api/channels/" + direct + "/members", "{}")))
        .isEqualTo(422);

    long room = channel(olga, "archive-me", "public");
    long message = post(olga, room, null, "before the archive");
    assertThat(status(bob.json("POST", "/api/channels/" + room + "/members", "{}"))).isEqualTo(200);
    assertThat(status(bob.json("POST", "/api/channels/" + room + "/members", "{}"))).isEqualTo(409);
    assertThat(status(olga.json("PATCH", "/api/channels/" + room, "{\"archived\": true}")))
        .isEqualTo(200);
    JsonNode archived = olga.json(olga.get("/api/channels/" + room));
    assertThat(archived.get("archivedAt").asString()).isNotEmpty();
    assertThat(
            status(
                olga.json(
                    "POST", "/api/messages", "{\"channelId\": " + room + ", \"body\": \"no\"}")))
        .isEqualTo(409);
    assertThat(status(olga.json("PATCH", "/api/messages/" + message, "{\"body\": \"no\"}")))
        .isEqualTo(409);
    assertThat(status(olga.json("POST", "/api/messages/" + message + "/reactions/eyes", "")))
        .isEqualTo(409);
    assertThat(status(olga.get("/api/messages?channelId=" + room))).isEqualTo(200);
    assertThat(status(bob.delete("/api/channels/" + room + "/members/" + bobId))).isEqualTo(204);
    assertThat(status(olga.json("PATCH", "/api/channels/" + room, "{\"archived\": false}")))
        .isEqualTo(200);
    assertThat(
            status(
                olga.json(
                    "POST", "/api/messages", "{\"channelId\": " + room + ", \"body\": \"yes\"}")))
        .isEqualTo(201);
  }

  /** The sidebar's listing: a hundred channels with their read state in one statement. */
  @Test
  void aHundredChannelsListWithTheirUnreadCounts() {
    for (int i = 0; i < 100; i++) {
      long channel = channel(olga, "many-" + i, "public");
      assertThat(status(bob.json("POST", "/api/channels/" + channel + "/members", "{}")))
          .isEqualTo(200);
      post(olga, channel, null, "first <@" + bobId + ">");
      post(olga, channel, null, "second");
    }
    long[] nanos = new long[21];
    JsonNode listed = null;
    for (int i = 0; i < nanos.length; i++) {
      long start = System.nanoTime();
      listed = bob.json(bob.get("/api/channels"));
      nanos[i] = System.nanoTime() - start;
    }
    java.util.Arrays.sort(nanos);
    System.out.printf(
        "chat: GET /api/channels with %d channels and read state: median %.1f ms, max %.1f ms%n",
        listed.size(), nanos[nanos.length / 2] / 1e6, nanos[nanos.length - 1] / 1e6);
    int many = 0;
    for (JsonNode channel : listed) {
      if (channel.get("name").asString().startsWith("many-")) {
        many++;
        assertThat(channel.get("unreadCount").asInt()).isEqualTo(2);
        assertThat(channel.get("mentionCount").asInt()).isEqualTo(1);
      }
    }
    assertThat(many).isEqualTo(100);
  }

  private List<String> eventsOf(String topic, long channel) {
    return busEvents.stream()
        .filter(e -> e.topic().equals(topic))
        .filter(e -> e.payloadJson().contains("\"channelId\":" + channel + ","))
        .map(Event::type)
        .toList();
  }

  private static String actorOf(JsonNode audit, long messageId) {
    for (JsonNode entry : audit.get("entries")) {
      if (entry.get("entityId").asString().equals(Long.toString(messageId))
          && entry.get("action").asString().equals("created")) {
        return entry.get("actorType").asString();
      }
    }
    return "none";
  }

  private long outsiderId() {
    return outsider.json(outsider.get("/api/me")).get("id").asLong();
  }

  private static JsonNode channelOf(Http client, long channel) {
    for (JsonNode item : client.json(client.get("/api/channels"))) {
      if (item.get("id").asLong() == channel) {
        return item;
      }
    }
    throw new AssertionError("channel " + channel + " not listed");
  }

  private static int read(Http client, long channel, long message) {
    return status(
        client.json(
            "PUT", "/api/channels/" + channel + "/read", "{\"messageId\": " + message + "}"));
  }

  private static int typing(Http client, long channel, String body) {
    return status(client.json("POST", "/api/channels/" + channel + "/typing", body));
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
