package dev.atelier.cli;

import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.mcp.FolderScope;
import dev.atelier.mcp.McpStdioServer;
import dev.atelier.mcp.ToolCatalog;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.AtelierVersion;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code atelier mcp}: an MCP server on stdin/stdout, the command an assistant is configured with.
 * Nothing but protocol is written to stdout.
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

  @Mixin StorageOptions storage = new StorageOptions();

  @Override
  public Integer call() {
    // The index opens on the first tool call, so initialize answers in well under a second.
    LazyCore core = new LazyCore(storage.settings(path));
    try {
      new McpStdioServer(
              AtelierVersion.current().version(),
              ToolCatalog.standard().specifications(new FolderScope(core, path)))
          .serve(System.in, System.out);
    } finally {
      core.close();
    }
    return 0;
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

    synchronized void close() {
      if (core != null) {
        core.close();
      }
    }
  }
}
