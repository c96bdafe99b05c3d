package dev.atelier.cli;

import dev.atelier.mcp.McpStdioServer;
import dev.atelier.platform.AtelierVersion;
import java.nio.file.Path;
import java.util.concurrent.Callable;
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
    new McpStdioServer(AtelierVersion.current().version()).serve(System.in, System.out);
    return 0;
  }
}
