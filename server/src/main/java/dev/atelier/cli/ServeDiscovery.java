package dev.atelier.cli;

import static java.util.Objects.requireNonNull;

import dev.atelier.platform.PrivateFiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a running {@code serve} leaves in its data folder ({@value #FILE_NAME}) so that {@code
 * atelier mcp} on the same data can use it instead of loading the index itself: where it listens,
 * its process and the folder it was started in. Owner-only, like the token beside it.
 *
 * @param url the base URL, e.g. {@code http://127.0.0.1:7420}
 * @param pid the serving process
 * @param workspace the folder serve was started in (the repository its tools default to)
 */
public record ServeDiscovery(String url, int port, long pid, Path workspace) {

  public static final String FILE_NAME = "serve.json";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration HEALTH_TIMEOUT = Duration.ofMillis(800);

  public ServeDiscovery {
    requireNonNull(url, "url is null");
    requireNonNull(workspace, "workspace is null");
  }

  /** This process serving {@code url} for {@code workspace}. */
  public static ServeDiscovery ofThisProcess(String url, int port, Path workspace) {
    return new ServeDiscovery(
        url, port, ProcessHandle.current().pid(), workspace.toAbsolutePath().normalize());
  }

  /** Writes the file atomically (a reader never sees half of it), owner-only. */
  public void writeTo(Path dataDir) throws IOException {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("url", url);
    fields.put("port", port);
    fields.put("pid", pid);
    fields.put("workspace", workspace.toString());
    Path temporary = PrivateFiles.createTemporary(dataDir, FILE_NAME);
    try {
      Files.writeString(temporary, JSON.writeValueAsString(fields) + "\n");
      Files.move(
          temporary,
          dataDir.resolve(FILE_NAME),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Removes the file if it still describes this server (another serve may have replaced it). */
  public void removeFrom(Path dataDir) throws IOException {
    if (read(dataDir).filter(this::equals).isPresent()) {
      Files.deleteIfExists(dataDir.resolve(FILE_NAME));
    }
  }

  /** The file in {@code dataDir} as written, live or not; empty when absent or unreadable. */
  public static Optional<ServeDiscovery> read(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(Files.readString(file));
      return Optional.of(
          new ServeDiscovery(
              node.path("url").asString(),
              node.path("port").asInt(),
              node.path("pid").asLong(),
              Path.of(node.path("workspace").asString())));
    } catch (IOException | RuntimeException e) {
      // half-written by hand or by an older version: as good as absent
      return Optional.empty();
    }
  }

  /**
   * The serve described in {@code dataDir} if it is still running: its process exists and it
   * answers {@code /api/health}. A file left by a killed serve is ignored, not trusted.
   */
  public static Optional<ServeDiscovery> live(Path dataDir) {
    return read(dataDir).filter(ServeDiscovery::processAlive).filter(ServeDiscovery::healthy);
  }

  private boolean processAlive() {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private boolean healthy() {
    try (HttpClient client = HttpClient.newBuilder().connectTimeout(HEALTH_TIMEOUT).build()) {
      HttpResponse<Void> response =
          client.send(
              HttpRequest.newBuilder(URI.create(url + "/api/health"))
                  .timeout(HEALTH_TIMEOUT)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
