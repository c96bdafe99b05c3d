package dev.atelier.cli;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code atelier search --remote}: the same searches against a server's index over its REST API,
 * printed as the local command prints them.
 */
final class RemoteSearch {

  private final RemoteClient client;
  private final String repositoryPath;
  private final PrintWriter out;
  private final boolean json;
  private final JsonMapper mapper = JsonMapper.builder().build();

  RemoteSearch(
      RemoteClient client,
      RemoteOptions.RemoteRepository repository,
      PrintWriter out,
      boolean json) {
    this.client = client;
    this.repositoryPath = "/api/repos/" + repository.id();
    this.out = out;
    this.json = json;
  }

  void text(String query, boolean regex, boolean caseSensitive, @Nullable String glob, int limit) {
    StringBuilder path =
        new StringBuilder(repositoryPath)
            .append("/search/text?q=")
            .append(encode(query))
            .append("&regex=")
            .append(regex)
            .append("&caseSensitive=")
            .append(caseSensitive)
            .append("&limit=")
            .append(limit);
    if (glob != null) {
      path.append("&path=").append(encode(glob));
    }
    JsonNode page = client.get(path.toString());
    JsonNode matches = page.path("matches");
    boolean truncated = !page.path("nextCursor").isNull() && page.has("nextCursor");
    if (json) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("matches", matches);
      result.put("truncated", truncated);
      result.put("total", page.path("total").asInt());
      print(result);
      return;
    }
    for (JsonNode match : matches) {
      out.printf(
          "%s:%d: %s%n",
          match.path("path").asString(),
          match.path("line").asInt(),
          match.path("text").asString().strip());
    }
    if (truncated) {
      out.printf(
          Locale.ROOT,
          "... %,d more matches; raise --limit%n",
          page.path("total").asInt() - matches.size());
    }
    out.flush();
  }

  void symbols(String query, List<String> kinds, int limit) {
    StringBuilder path =
        new StringBuilder(repositoryPath)
            .append("/search/symbols?q=")
            .append(encode(query))
            .append("&limit=")
            .append(limit);
    for (String kind : kinds) {
      path.append("&kind=").append(encode(kind.strip()));
    }
    JsonNode hits = client.get(path.toString());
    if (json) {
      print(Map.of("symbols", hits));
      return;
    }
    for (JsonNode hit : hits) {
      out.printf(
          "%s:%d: %s %s%n",
          hit.path("path").asString(),
          hit.path("line").asInt(),
          hit.path("kind").asString().toLowerCase(Locale.ROOT),
          hit.path("qualifiedName").asString());
    }
    out.flush();
  }

  /** The server's {@code semantic_search} tool: files with their best lines. */
  void semantic(String query, int limit) {
    JsonNode answer =
        client.post(
            repositoryPath + "/tools/semantic_search", Map.of("query", query, "limit", limit));
    if (json) {
      print(answer.path("structured"));
    } else {
      out.println(answer.path("text").asString());
      out.flush();
    }
  }

  private void print(Object value) {
    out.println(mapper.writeValueAsString(value));
    out.flush();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
