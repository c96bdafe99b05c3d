package dev.atelier.cli;

import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.mcp.CodeTools;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Content;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code atelier tool NAME --args JSON}: runs a code-intelligence tool locally, exactly as an
 * assistant would over MCP, and prints its text (or, with {@code --json}, its structured content).
 */
@Command(
    name = "tool",
    mixinStandardHelpOptions = true,
    description = "Run one of the code-intelligence tools locally, as an assistant would over MCP.")
final class ToolCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "NAME",
      description = "The tool, e.g. search_symbols or symbols (--list shows them).")
  @Nullable String name;

  @Option(names = "--list", description = "List the tools and what they answer.")
  boolean list;

  @Option(
      names = "--path",
      paramLabel = "PATH",
      description = "Repository folder (default: the current folder).")
  Path path = Path.of(".");

  @Option(
      names = "--args",
      paramLabel = "JSON",
      description = "The tool's arguments as a JSON object, e.g. '{\"query\": \"HSR\"}'.")
  String arguments = "{}";

  @Option(names = "--json", description = "Print the structured content as JSON.")
  boolean json;

  @Mixin StorageOptions storage = new StorageOptions();

  @Override
  public Integer call() {
    JsonMapper mapper = JsonMapper.builder().build();
    Map<String, Object> parsed = parse(mapper);
    PrintWriter out = spec.commandLine().getOut();
    try (CodeIntelligence core =
        CodeIntelligence.open(storage.settings(path), CodeIntelligence.defaultThreads())) {
      List<SyncToolSpecification> tools = new CodeTools(() -> core, path).specifications();
      if (list) {
        tools.forEach(t -> out.printf("%-16s %s%n", t.tool().name(), t.tool().description()));
        out.flush();
        return 0;
      }
      SyncToolSpecification tool =
          tools.stream()
              .filter(t -> t.tool().name().equals(name))
              .findFirst()
              .orElseThrow(() ->
                  new ParameterException(
                      spec.commandLine(),
                      (name == null ? "name a tool" : "unknown tool: " + name)
                          + " (atelier tool --list shows them)"));
      CallToolResult result =
          tool.callHandler().apply(null, new CallToolRequest(tool.tool().name(), parsed));
      String text = text(result.content());
      if (Boolean.TRUE.equals(result.isError())) {
        spec.commandLine().getErr().println("atelier tool " + name + ": " + text);
        return 1;
      }
      out.println(
          json && result.structuredContent() != null
              ? mapper.writeValueAsString(result.structuredContent())
              : text);
      out.flush();
      return 0;
    }
  }

  private Map<String, Object> parse(JsonMapper mapper) {
    try {
      Object value = mapper.readValue(arguments, Object.class);
      if (value instanceof Map<?, ?> map) {
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) map;
        return typed;
      }
    } catch (JacksonException e) {
      // reported below
    }
    throw new ParameterException(
        spec.commandLine(), "--args must be a JSON object, e.g. '{\"query\": \"HSR\"}'");
  }

  private static String text(List<Content> content) {
    StringBuilder text = new StringBuilder();
    for (Content part : content) {
      if (part instanceof TextContent t) {
        text.append(t.text());
      }
    }
    return text.toString();
  }
}
