package dev.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.cli.RunningServer;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.testing.Http;
import dev.atelier.testing.McpSession;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chat tools over MCP at {@code /mcp} of a real server, on both databases: an assistant reads a
 * channel and answers in a thread (seen over REST), with the tenancy rules of REST (another org's
 * channel and others' private channels are not found, a viewer may not post), one audit row per
 * write, list_audit for admins only, and search over what it posted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ChatOverMcpContract {

  abstract AtelierSettings settings(Path workspace);

  @TempDir static Path workspace;
  RunningServer server;
  Http olga;
  long olgaId;
  Http bob;
  long bobId;
  Http vic;
  Http outsider;
  long design;

  private static final JsonMapper json = JsonMapper.builder().build();

  @BeforeAll
  void start() {
    server =
        new AtelierServer()
            .start(
                settings(workspace).withAuthRequired(true),
                Map.of("atelier.auth.registration", "open"),
                Map.of())
            .server();
    Http anonymous = new Http(server.url());
    AccountsServeContract.Session owner =
        AccountsServeContract.register(anonymous, "olga@example.com", "Parsers");
    olga = anonymous.withBearer(owner.accessToken());
    olgaId = owner.userId();
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
    design = channel(olga, "design", "public");
  }

  @AfterAll
  void stop() {
    server.stop();
  }

  @Test
  void anAssistantReadsAChannelAndAnswersInAThreadThatRestShows() {
    long root = post(olga, design, "Should the parser cache its token stream?");
    McpSession assistant = McpSession.open(bob);

    assertThat(assistant.text("list_channels", "{}")).contains("#design (id " + design);
    String channel = assistant.text("read_channel", "{\"channel\": \"design\"}");
    assertThat(channel)
        .contains(
            "[" + root + "]",
            "olga (user " + olgaId + ")",
            "Should the parser cache its token stream?");
    String reply =
        "Yes: see [[atelier:server/src/Parser.java#L10-20]], <@" + olgaId + "> measured it.";
    JsonNode posted =
        assistant.call(
            "post_message",
            "{\"thread_id\": \"" + root + "\", \"body\": " + json.writeValueAsString(reply) + "}");
    assertThat(posted.path("isError").asBoolean()).as(posted.toString()).isFalse();
    long replyId = posted.at("/structuredContent/message/id").asLong();

    JsonNode thread = olga.json(olga.get("/api/messages?threadId=" + root));
    assertThat(thread.get("messages")).hasSize(1);
    JsonNode shown = thread.get("messages").get(0);
    assertThat(shown.get("id").asLong()).isEqualTo(replyId);
    assertThat(shown.get("body").asString()).isEqualTo(reply);
    assertThat(shown.get("authorId").asLong()).isEqualTo(bobId);
    assertThat(shown.get("authorType").asString()).isEqualTo("agent");
    assertThat(assistant.text("get_thread", "{\"thread_id\": \"" + root + "\"}"))
        .contains(
            "[" + root + "]", "[" + replyId + "]", "[[atelier:server/src/Parser.java#L10-20]]");

    assertThat(
            assistant.text(
                "edit_message",
                "{\"message_id\": \"" + replyId + "\", \"body\": \"Yes, measured: 12% faster\"}"))
        .contains("version 2");
    assertThat(olga.json(olga.get("/api/messages/" + replyId)).get("version").asInt()).isEqualTo(2);
    assertThat(
            assistant.error(
                "edit_message", "{\"message_id\": \"" + root + "\", \"body\": \"hijacked\"}"))
        .contains("only its author");
  }

  @Test
  void anotherOrgsChannelAndOthersPrivateChannelsAreNotFound() {
    long secret = channel(olga, "olga-secret", "private");
    long hidden = post(olga, secret, "the launch date is a secret");
    McpSession member = McpSession.open(bob);
    McpSession stranger = McpSession.open(outsider);

    assertThat(member.text("list_channels", "{}")).doesNotContain("olga-secret");
    assertThat(member.error("read_channel", "{\"channel\": \"" + secret + "\"}"))
        .contains("no channel");
    assertThat(member.error("read_channel", "{\"channel\": \"olga-secret\"}"))
        .contains("no channel");
    assertThat(member.error("get_thread", "{\"thread_id\": \"" + hidden + "\"}"))
        .contains("no message");
    assertThat(
            member.error("post_message", "{\"thread_id\": \"" + hidden + "\", \"body\": \"psst\"}"))
        .contains("no message");
    assertThat(member.text("search_messages", "{\"query\": \"launch date\"}"))
        .doesNotContain("[" + hidden + "]");
    assertThat(stranger.text("list_channels", "{}")).doesNotContain("#design");
    assertThat(stranger.error("read_channel", "{\"channel\": \"" + design + "\"}"))
        .contains("no channel");
    assertThat(
            stranger.error(
                "post_message", "{\"channel\": \"" + design + "\", \"body\": \"hello?\"}"))
        .contains("no channel");
    assertThat(
            stranger.error(
                "search_messages", "{\"query\": \"parser\", \"channel\": \"" + design + "\"}"))
        .contains("no channel");
    assertThat(stranger.text("search_messages", "{\"query\": \"parser\"}"))
        .isEqualTo("no messages match");
  }

  @Test
  void aViewerReadsButItsPostIsRefused() {
    McpSession viewer = McpSession.open(vic);
    assertThat(viewer.text("read_channel", "{\"channel\": \"design\"}")).contains("#design");
    JsonNode tools = viewer.tools().get("tools");
    for (JsonNode tool : tools) {
      if (tool.get("name").asString().equals("post_message")) {
        assertThat(tool.at("/annotations/readOnlyHint").asBoolean()).isFalse();
      }
    }

    assertThat(
            viewer.error(
                "post_message", "{\"channel\": \"design\", \"body\": \"viewers-cannot-say-this\"}"))
        .contains("viewer");
    assertThat(
            olga.json(olga.get("/api/search?q=viewers-cannot-say-this&channelId=" + design))
                .get("hits"))
        .isEmpty();
  }

  @Test
  void listAuditIsRefusedToAMemberAndShowsAnAdminTheAssistantsPostOnce() {
    McpSession assistant = McpSession.open(bob);
    long posted =
        assistant
            .call("post_message", "{\"channel\": \"design\", \"body\": \"Audited by the tool\"}")
            .at("/structuredContent/message/id")
            .asLong();

    assertThat(assistant.error("list_audit", "{}")).contains("admins", "member");
    String audit =
        McpSession.open(olga)
            .text("list_audit", "{\"entity\": \"message\", \"action\": \"created\"}");
    assertThat(audit).contains("agent " + bobId + " created message " + posted);

    List<JsonNode> rows = new ArrayList<>();
    for (JsonNode entry :
        olga.json(olga.get("/api/audit?entityType=message&limit=500")).get("entries")) {
      if (entry.path("entityId").asString("").equals(Long.toString(posted))) {
        rows.add(entry);
      }
    }
    assertThat(rows).hasSize(1);
    assertThat(rows.getFirst().get("userId").asString()).isEqualTo(Long.toString(bobId));
    assertThat(rows.getFirst().get("actorType").asString()).isEqualTo("agent");
    assertThat(olga.json(olga.get("/api/audit?action=tool:post_message")).get("entries")).isEmpty();
  }

  @Test
  void searchMessagesFindsWhatTheAssistantPosted() {
    McpSession assistant = McpSession.open(bob);
    long other = channel(olga, "elsewhere", "public");
    long posted =
        assistant
            .call(
                "post_message",
                "{\"channel\": \"design\", \"body\": \"The quokkacache needs `evict()`\"}")
            .at("/structuredContent/message/id")
            .asLong();

    assertThat(assistant.text("search_messages", "{\"query\": \"quokka\"}"))
        .contains("[" + posted + "] #design", "<mark>");
    assertThat(
            assistant.text(
                "search_messages",
                "{\"query\": \"quokkacache\", \"author\": \"" + bobId + "\", \"has_code\": true}"))
        .contains("[" + posted + "]");
    assertThat(
            assistant.text(
                "search_messages", "{\"query\": \"quokkacache\", \"channel\": \"" + other + "\"}"))
        .isEqualTo("no messages match");
    assertThat(
            assistant.error(
                "search_messages", "{\"query\": \"quokkacache\", \"from\": \"yesterday\"}"))
        .contains("ISO-8601");
  }

  private long channel(Http client, String name, String kind) {
    HttpResponse<String> made =
        client.json(
            "POST", "/api/channels", "{\"name\": \"" + name + "\", \"kind\": \"" + kind + "\"}");
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    return client.json(made).get("id").asLong();
  }

  private static long post(Http client, long channel, String body) {
    HttpResponse<String> posted =
        client.json(
            "POST",
            "/api/messages",
            "{\"channelId\": " + channel + ", \"body\": " + json.writeValueAsString(body) + "}");
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    return client.json(posted).get("id").asLong();
  }
}
