package dev.atelier.mcp;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * MCP on a pair of streams, answered by an MCP server over streamable HTTP: each JSON-RPC line read
 * is POSTed to the endpoint, and what comes back ({@code application/json} or an event stream) is
 * written as lines. {@code atelier mcp} uses it to reach a running {@code serve} whose index is
 * already warm, and with {@code --remote} a team's server, whose session's access tokens are
 * renewed as they expire.
 */
public final class McpHttpBridge {

  private static final String SESSION_HEADER = "Mcp-Session-Id";
  private static final String PROTOCOL_HEADER = "MCP-Protocol-Version";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final URI endpoint;
  private final BearerSource bearer;
  private final JsonMapper json = JsonMapper.builder().build();
  private final AtomicReference<@Nullable String> session = new AtomicReference<>();
  private final AtomicReference<@Nullable String> protocolVersion = new AtomicReference<>();

  /**
   * @param endpoint the MCP endpoint, e.g. {@code http://127.0.0.1:7420/mcp}
   * @param bearer the credential sent as {@code Authorization: Bearer}
   */
  public McpHttpBridge(URI endpoint, String bearer) {
    this(endpoint, fixed(requireNonNull(bearer, "bearer is null")));
  }

  /**
   * @param endpoint the MCP endpoint, e.g. {@code https://atelier.example.com/mcp}
   * @param bearer asked for the credential of every request, and again after a 401: a session
   *     outlives its short-lived access tokens
   */
  public McpHttpBridge(URI endpoint, BearerSource bearer) {
    this.endpoint = requireNonNull(endpoint, "endpoint is null");
    this.bearer = requireNonNull(bearer, "bearer is null");
  }

  /** Where the bridge gets its {@code Authorization: Bearer} credential. */
  public interface BearerSource {
    /** The credential for the next request. */
    String bearer();

    /**
     * The server refused {@code rejected} (401): a renewed credential to retry with, or {@code
     * rejected} itself when there is none. May throw with a message for the client.
     */
    default String renewed(String rejected) {
      return rejected;
    }
  }

  private static BearerSource fixed(String bearer) {
    return () -> bearer;
  }

  /**
   * Bridges until the input ends and every request read has been answered, then ends the session.
   * Requests after {@code initialize} go out concurrently, so a slow tool call holds up no other.
   */
  public void serve(InputStream in, OutputStream out) {
    LineWriter writer = new LineWriter(out);
    try (HttpClient client =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
        ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        String message = line;
        // Until the session exists, later messages would go out without its id: send in order.
        if (session.get() == null) {
          forward(client, message, writer);
        } else {
          requests.submit(() -> forward(client, message, writer));
        }
      }
      requests.close();
      endSession(client);
    } catch (IOException e) {
      throw new UncheckedIOException("MCP bridge to " + endpoint + " failed", e);
    }
  }

  private void forward(HttpClient client, String message, LineWriter writer) {
    @Nullable JsonNode id = id(message);
    try {
      String credential = bearer.bearer();
      HttpResponse<Stream<String>> response =
          client.send(post(message, credential), HttpResponse.BodyHandlers.ofLines());
      if (response.statusCode() == 401) {
        String renewed = bearer.renewed(credential);
        if (!renewed.equals(credential)) {
          response.body().close();
          response = client.send(post(message, renewed), HttpResponse.BodyHandlers.ofLines());
        }
      }
      response.headers().firstValue(SESSION_HEADER).ifPresent(session::set);
      String type = response.headers().firstValue("Content-Type").orElse("");
      try (Stream<String> body = response.body()) {
        if (type.startsWith("text/event-stream")) {
          new EventStream(data -> relay(data, writer)).read(body.iterator());
        } else if (response.statusCode() == 202 || response.statusCode() == 204) {
          body.forEach(ignored -> {});
        } else {
          String text = String.join("\n", body.toList());
          if (!relay(text, writer) && id != null) {
            writer.write(error(id, "HTTP " + response.statusCode() + " from " + endpoint));
          }
        }
      }
    } catch (IOException e) {
      if (id != null) {
        writer.write(error(id, "cannot reach " + endpoint + ": " + e.getMessage()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // The credential could not be had (a remote session ended): the client hears why.
      if (id != null) {
        writer.write(error(id, String.valueOf(e.getMessage())));
      }
    }
  }

  /** Writes a JSON-RPC message received; false when {@code text} is not one. */
  private boolean relay(String text, LineWriter writer) {
    JsonNode node;
    try {
      node = json.readTree(text);
    } catch (JacksonException e) {
      return false;
    }
    if (node == null || !(node.has("jsonrpc") || node.isArray())) {
      return false;
    }
    String version = node.at("/result/protocolVersion").asString("");
    if (!version.isEmpty()) {
      protocolVersion.set(version);
    }
    writer.write(json.writeValueAsString(node));
    return true;
  }

  private HttpRequest post(String message, String credential) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .header("Authorization", "Bearer " + credential)
            .POST(HttpRequest.BodyPublishers.ofString(message, StandardCharsets.UTF_8));
    String current = session.get();
    if (current != null) {
      request.header(SESSION_HEADER, current);
    }
    String version = protocolVersion.get();
    if (version != null) {
      request.header(PROTOCOL_HEADER, version);
    }
    return request.build();
  }

  // The client went away: tell the server so it frees the session now, not at its timeout.
  private void endSession(HttpClient client) {
    String current = session.get();
    if (current == null) {
      return;
    }
    try {
      client.send(
          HttpRequest.newBuilder(endpoint)
              .header("Authorization", "Bearer " + bearer.bearer())
              .header(SESSION_HEADER, current)
              .DELETE()
              .timeout(CONNECT_TIMEOUT)
              .build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (IOException | RuntimeException e) {
      // the server is gone already, or the session ended: nothing to free
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private @Nullable JsonNode id(String message) {
    try {
      JsonNode node = json.readTree(message);
      return node != null && node.has("id") ? node.get("id") : null;
    } catch (JacksonException e) {
      return null;
    }
  }

  private String error(JsonNode id, String message) {
    ObjectNode error = json.createObjectNode();
    error.put("jsonrpc", "2.0");
    error.set("id", id);
    ObjectNode body = error.putObject("error");
    body.put("code", -32603);
    body.put("message", message);
    return json.writeValueAsString(error);
  }

  /** One message per line on the output; lines from concurrent answers never interleave. */
  private static final class LineWriter {
    private final OutputStream out;

    LineWriter(OutputStream out) {
      this.out = out;
    }

    synchronized void write(String line) {
      try {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write to the MCP client", e);
      }
    }
  }
}
