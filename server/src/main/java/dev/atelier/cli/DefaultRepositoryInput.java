package dev.atelier.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * MCP messages read line by line, each {@code tools/call} that names no {@code repository} given
 * the default one. A server holds many repositories and, outside the install's own org, has no
 * default of its own; an assistant working in a folder should not have to name it in every call.
 */
final class DefaultRepositoryInput extends InputStream {

  private static final String ARGUMENT = "repository";

  private final BufferedReader lines;
  private final String repository;
  private final JsonMapper json = JsonMapper.builder().build();
  private byte[] pending = new byte[0];
  private int position;

  DefaultRepositoryInput(InputStream in, String repository) {
    this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    this.repository = repository;
  }

  @Override
  public int read() throws IOException {
    if (!fill()) {
      return -1;
    }
    return pending[position++] & 0xff;
  }

  // Answers what one line holds at most, so that a message goes out as soon as it was read.
  @Override
  public int read(byte[] into, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int count = Math.min(length, pending.length - position);
    System.arraycopy(pending, position, into, offset, count);
    position += count;
    return count;
  }

  private boolean fill() throws IOException {
    while (position >= pending.length) {
      String line = lines.readLine();
      if (line == null) {
        return false;
      }
      pending = (withRepository(line) + "\n").getBytes(StandardCharsets.UTF_8);
      position = 0;
    }
    return true;
  }

  String withRepository(String line) {
    try {
      JsonNode message = json.readTree(line);
      if (message instanceof ObjectNode call
          && "tools/call".equals(call.path("method").asString(""))
          && call.get("params") instanceof ObjectNode params) {
        ObjectNode arguments =
            params.get("arguments") instanceof ObjectNode given
                ? given
                : params.putObject("arguments");
        if (!arguments.has(ARGUMENT)) {
          arguments.put(ARGUMENT, repository);
          return json.writeValueAsString(call);
        }
      }
    } catch (JacksonException e) {
      // not JSON: the server answers it with a parse error
    }
    return line;
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
