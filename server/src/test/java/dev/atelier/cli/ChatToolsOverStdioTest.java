package dev.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.audit.AuditEntry;
import dev.atelier.audit.AuditLog;
import dev.atelier.audit.AuditQuery;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.Database;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chat tools of a local {@code atelier mcp} without a serve: listed with their own schemas (no
 * repository or branch), and answering as the install's owner on the folder's database, with the
 * same audit row as under serve.
 */
class ChatToolsOverStdioTest {

  private static final JsonMapper json = JsonMapper.builder().build();
  private static final List<String> TEAM_TOOLS =
      List.of(
          "list_channels",
          "read_channel",
          "get_thread",
          "post_message",
          "edit_message",
          "search_messages",
          "list_audit");

  @TempDir Path workspace;

  @Test
  void listsTheSevenChatToolsWithTheirSchemasAndPostsAsTheLocalOwner() {
    AtelierSettings settings = AtelierSettings.local(workspace);
    try (Database database = Database.open(settings)) {
      JdbcClient.create(database.dataSource())
          .sql(
              "insert into channels (org_id, name, kind, topic, created_by, created_at) values"
                  + " (1, 'general', 'public', 'everything', 1, 0)")
          .update();
    }
    McpCommand command = new McpCommand();
    command.path = workspace;
    command.noServe = true;

    List<JsonNode> answers =
        mcp(
            command,
            """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
            "capabilities":{},"clientInfo":{"name":"test","version":"1"}}}
            {"jsonrpc":"2.0","method":"notifications/initialized"}
            {"jsonrpc":"2.0","id":2,"method":"tools/list"}
            {"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"post_message",\
            "arguments":{"channel":"general","body":"See [[demo:src/Main.java#L1-3]]"}}}
            """);
    // A second session: an MCP server may answer the calls of one session in any order.
    List<JsonNode> later =
        mcp(
            command,
            """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
            "capabilities":{},"clientInfo":{"name":"test","version":"1"}}}
            {"jsonrpc":"2.0","method":"notifications/initialized"}
            {"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"list_audit",\
            "arguments":{"entity":"message"}}}
            {"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"read_channel",\
            "arguments":{"channel":"general"}}}
            """);

    Map<String, JsonNode> tools = new java.util.HashMap<>();
    for (JsonNode tool : byId(answers, 2).at("/result/tools")) {
      tools.put(tool.get("name").asString(), tool);
    }
    assertThat(tools).containsKeys(TEAM_TOOLS.toArray(String[]::new)).hasSize(34);
    for (String name : TEAM_TOOLS) {
      JsonNode properties = tools.get(name).at("/inputSchema/properties");
      assertThat(properties.has("repository") || properties.has("branch")).as(name).isFalse();
      assertThat(tools.get(name).at("/annotations/readOnlyHint").asBoolean())
          .as(name)
          .isEqualTo(!name.equals("post_message") && !name.equals("edit_message"));
    }
    JsonNode post = tools.get("post_message").get("inputSchema");
    assertThat(names(post.get("properties"))).containsExactly("channel", "body", "thread_id");
    assertThat(post.get("required")).hasSize(1);
    assertThat(post.at("/required/0").asString()).isEqualTo("body");
    assertThat(tools.get("post_message").get("description").asString()).contains("[[REPO:path");
    assertThat(tools.get("read_channel").at("/inputSchema/required/0").asString())
        .isEqualTo("channel");

    JsonNode posted = byId(answers, 3).get("result");
    assertThat(posted.path("isError").asBoolean()).as(posted.toString()).isFalse();
    long id = posted.at("/structuredContent/message/id").asLong();
    assertThat(posted.at("/structuredContent/message/authorId").asLong()).isEqualTo(1);
    assertThat(posted.at("/structuredContent/message/authorType").asString()).isEqualTo("agent");
    assertThat(posted.at("/content/0/text").asString())
        .isEqualTo(
            "posted message "
                + id
                + " in channel 1 (start of a thread: answer with thread_id="
                + id
                + ")");
    assertThat(byId(later, 4).at("/result/content/0/text").asString())
        .contains("agent 1 created message " + id);
    assertThat(byId(later, 5).at("/result/content/0/text").asString())
        .contains("#general (id 1, public)", "[" + id + "]", "(agent of user 1)")
        .contains("  See [[demo:src/Main.java#L1-3]]");
    try (Database database = Database.open(settings)) {
      List<AuditEntry> rows =
          AuditLog.over(database)
              .list(1, new AuditQuery("message", null, null, null, null, null, 10));
      assertThat(rows).hasSize(1);
      assertThat(rows.getFirst().entityId()).isEqualTo(Long.toString(id));
      assertThat(rows.getFirst().userId()).isEqualTo("1");
      assertThat(rows.getFirst().actorType()).isEqualTo("agent");
    }
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.propertyNames().forEach(names::add);
    return names;
  }

  private static List<JsonNode> mcp(McpCommand command, String requests) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    command.serve(new ByteArrayInputStream(requests.getBytes(StandardCharsets.UTF_8)), out);
    return out.toString(StandardCharsets.UTF_8).lines().map(json::readTree).toList();
  }

  private static JsonNode byId(List<JsonNode> answers, int id) {
    return answers.stream()
        .filter(a -> a.has("id") && a.get("id").asInt() == id)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no answer " + id + " in " + answers));
  }
}
