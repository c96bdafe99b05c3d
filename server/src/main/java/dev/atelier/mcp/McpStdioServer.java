package dev.atelier.mcp;

import static java.util.Objects.requireNonNull;

import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.json.JsonMapper;

/**
 * An MCP server on a pair of streams (the process's stdin and stdout under {@code atelier mcp}). It
 * runs until the client closes its end of the input, which is how assistants stop servers.
 */
public final class McpStdioServer {

  static final String NAME = "atelier";
  static final String INSTRUCTIONS =
      "Atelier answers questions about this repository's code: structure, symbols, references,"
          + " dependencies and the team's recorded learnings. Its chat tools read and answer the"
          + " team's discussions (channels, threads, search) and link the code they talk about.";

  private final String version;
  private final List<SyncToolSpecification> tools;

  public McpStdioServer(String version) {
    this(version, List.of());
  }

  public McpStdioServer(String version, List<SyncToolSpecification> tools) {
    this.version = requireNonNull(version, "version is null");
    this.tools = List.copyOf(tools);
  }

  /**
   * Serves MCP on the streams until the input ends and every request read has been answered (an
   * assistant may close its end right after its last request; that answer must still go out).
   */
  public void serve(InputStream in, OutputStream out) {
    CompletableFuture<Void> inputClosed = new CompletableFuture<>();
    JsonMapper json = JsonMapper.builder().build();
    InFlight inFlight = new InFlight();
    StdioServerTransportProvider transport =
        new StdioServerTransportProvider(
            new JacksonMcpJsonMapper(json),
            new EndAwareInputStream(
                new LineWatchingInputStream(in, line -> inFlight.read(json, line)),
                inputClosed,
                // The SDK stops answering once it sees the end: hold the end back until it has.
                () -> inFlight.awaitAnswered(ANSWER_GRACE)),
            new LineWatchingOutputStream(out, line -> inFlight.written(json, line)));
    McpSyncServer server =
        McpServer.sync(transport)
            .serverInfo(NAME, version)
            .instructions(INSTRUCTIONS)
            .capabilities(ServerCapabilities.builder().tools(true).logging().build())
            .tools(tools)
            .build();
    try {
      inputClosed.join();
    } finally {
      server.closeGracefully();
    }
  }

  private static final java.time.Duration ANSWER_GRACE = java.time.Duration.ofSeconds(30);

  /** Completes a future when the wrapped stream reaches its end or fails. */
  private static final class EndAwareInputStream extends FilterInputStream {
    private final CompletableFuture<Void> closed;
    private final Runnable beforeEnd;

    EndAwareInputStream(InputStream in, CompletableFuture<Void> closed, Runnable beforeEnd) {
      super(in);
      this.closed = closed;
      this.beforeEnd = beforeEnd;
    }

    @Override
    public int read() throws IOException {
      return watch(() -> super.read());
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      return watch(() -> super.read(buffer, offset, length));
    }

    private int watch(IoRead read) throws IOException {
      try {
        int n = read.run();
        if (n < 0) {
          beforeEnd.run();
          closed.complete(null);
        }
        return n;
      } catch (IOException e) {
        closed.complete(null);
        throw e;
      }
    }

    @FunctionalInterface
    private interface IoRead {
      int run() throws IOException;
    }
  }
}
