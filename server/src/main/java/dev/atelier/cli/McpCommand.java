package dev.atelier.cli;

import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.identity.InstallToken;
import dev.atelier.mcp.FolderScope;
import dev.atelier.mcp.McpHttpBridge;
import dev.atelier.mcp.McpHttpServer;
import dev.atelier.mcp.McpStdioServer;
import dev.atelier.mcp.TeamScope;
import dev.atelier.mcp.ToolCatalog;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.AtelierVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code atelier mcp}: an MCP server on stdin/stdout, the command an assistant is configured with.
 * Nothing but protocol is written to stdout. When a {@code serve} on the same data folder is
 * running, its warm index answers (bridged over its {@code /mcp}); otherwise this process loads it.
 * With {@code --remote}, a logged-in server's {@code /mcp} answers instead.
 */
@Command(
    name = "mcp",
    mixinStandardHelpOptions = true,
    description =
        "Run an MCP server on stdin/stdout for an assistant (Claude Code, Cursor, VS Code, ...).")
final class McpCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PATH",
      description = "Repository folder (default: the current folder).")
  Path path = Path.of(".");

  @Option(
      names = "--no-serve",
      description =
          "Load the index in this process even when a serve on the same data folder is running.")
  boolean noServe;

  // The local-mode database in the data folder: present once the folder was indexed.
  private static final String DATABASE_FILE = "atelier.db";

  @Mixin StorageOptions storage = new StorageOptions();

  @Mixin RemoteOptions remote = new RemoteOptions();

  @Override
  public Integer call() {
    serve(System.in, System.out);
    return 0;
  }

  /** Serves MCP on the streams: through a live serve on the same data when there is one. */
  void serve(InputStream in, OutputStream out) {
    if (remote.enabled()) {
      // Every request asks the client for its bearer, which renews the session's access token
      // as it expires: an assistant's MCP session lasts far longer than one token.
      try (RemoteClient client = remote.client()) {
        Optional<String> repository = defaultRepository(client);
        new McpHttpBridge(URI.create(client.url() + McpHttpServer.PATH), client)
            .serve(
                repository.isPresent() ? new DefaultRepositoryInput(in, repository.get()) : in,
                out);
      }
      return;
    }
    AtelierSettings settings = storage.settings(path);
    Optional<ServeDiscovery> serve = noServe ? Optional.empty() : liveServe(settings);
    if (serve.isPresent()) {
      new McpHttpBridge(
              URI.create(serve.get().url() + McpHttpServer.PATH),
              InstallToken.loadOrCreate(settings.dataDir()).reveal())
          .serve(in, out);
      return;
    }
    // initialize answers in well under a second: the index opens beside it, on the other core,
    // when this folder was indexed before, and otherwise on the first tool call.
    LazyCore core = new LazyCore(settings);
    if (Files.isRegularFile(settings.dataDir().resolve(DATABASE_FILE))) {
      core.openInBackground();
    }
    try {
      new McpStdioServer(
              AtelierVersion.current().version(),
              ToolCatalog.standard()
                  .specifications(TeamScope.with(new FolderScope(core, path), new LocalTeam(core))))
          .serve(in, out);
    } finally {
      core.close();
    }
  }

  /**
   * The repository of tool calls that name none: {@code --repo}, else the server's repository named
   * like PATH's folder (or its only one), else none (the server's default, where it has one). A key
   * without the read scope cannot list repositories; then only {@code --repo} gives one.
   */
  private Optional<String> defaultRepository(RemoteClient client) {
    String named = remote.repo;
    if (named != null && !named.isBlank()) {
      return Optional.of(named.strip());
    }
    try {
      return Optional.of(Long.toString(remote.repository(client, path).id()));
    } catch (AtelierException e) {
      return Optional.empty();
    }
  }

  /**
   * A running serve on this data folder, if it was started in this folder too: its tools then
   * default to the same repository as ours would.
   */
  private static Optional<ServeDiscovery> liveServe(AtelierSettings settings) {
    return ServeDiscovery.live(settings.dataDir())
        .filter(serve -> sameFolder(serve.workspace(), settings.workspace()));
  }

  private static boolean sameFolder(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  /** Opens the code-intelligence core once, on first use. */
  private static final class LazyCore implements java.util.function.Supplier<CodeIntelligence> {
    private final AtelierSettings settings;
    private @Nullable CodeIntelligence core;

    LazyCore(AtelierSettings settings) {
      this.settings = settings;
    }

    @Override
    public synchronized CodeIntelligence get() {
      CodeIntelligence current = core;
      if (current == null) {
        current = CodeIntelligence.open(settings, CodeIntelligence.defaultThreads());
        core = current;
      }
      return current;
    }

    /** Starts opening now; a tool call that comes first waits for it (and sees its error). */
    void openInBackground() {
      Thread.ofPlatform()
          .daemon()
          .name("atelier-open-index")
          .start(() -> {
            try {
              get();
            } catch (RuntimeException e) {
              // the first tool call opens again and answers the error
            }
          });
    }

    synchronized void close() {
      if (core != null) {
        core.close();
      }
    }
  }
}
