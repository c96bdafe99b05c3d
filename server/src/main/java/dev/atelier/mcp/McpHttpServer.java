package dev.atelier.mcp;

import static java.util.Objects.requireNonNull;

import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpTransportContextExtractor;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.json.JsonMapper;

/**
 * An MCP server over streamable HTTP: a servlet for {@link #PATH} that the web server mounts behind
 * its access checks (bearer token, Origin and Host). Same tools, name and capabilities as {@link
 * McpStdioServer}.
 */
public final class McpHttpServer implements AutoCloseable {

  public static final String PATH = "/mcp";

  private final HttpServletStreamableServerTransportProvider transport;
  private final McpSyncServer server;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * @param context what a call's handler learns of the HTTP request it came in (read on the
   *     request's own thread, e.g. the authenticated caller)
   */
  public McpHttpServer(
      String version,
      List<SyncToolSpecification> tools,
      long maxRequestBytes,
      McpTransportContextExtractor<HttpServletRequest> context) {
    requireNonNull(version, "version is null");
    this.transport =
        HttpServletStreamableServerTransportProvider.builder()
            .jsonMapper(new JacksonMcpJsonMapper(JsonMapper.builder().build()))
            .mcpEndpoint(PATH)
            .maxRequestSize((int) Math.min(Integer.MAX_VALUE, maxRequestBytes))
            .contextExtractor(context)
            .build();
    this.server =
        McpServer.sync(transport)
            .serverInfo(McpStdioServer.NAME, version)
            .instructions(McpStdioServer.INSTRUCTIONS)
            .capabilities(ServerCapabilities.builder().tools(true).logging().build())
            .tools(List.copyOf(tools))
            .build();
  }

  /**
   * The servlet answering POST, GET (event stream) and DELETE (end of session) on {@link #PATH}.
   */
  public HttpServlet servlet() {
    return transport;
  }

  /**
   * Ends every session, which also ends their open event streams: call it before the web server
   * drains its requests, or a client's open stream holds the shutdown up until it times out.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.closeGracefully();
    }
  }
}
