package dev.atelier.cli;

import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.mcp.AgentTool;
import dev.atelier.mcp.FolderScope;
import dev.atelier.mcp.TeamScope;
import dev.atelier.mcp.ToolAnswer;
import dev.atelier.mcp.ToolCatalog;
import dev.atelier.platform.AtelierException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code atelier tool NAME --arg key=value ...}: runs a code-intelligence tool locally (or, with
 * {@code --remote}, on a logged-in server), exactly as an assistant would over MCP, and prints its
 * text (or, with {@code --json}, its structured content).
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
      names = "--arg",
      paramLabel = "KEY=VALUE",
      description = "One argument, e.g. --arg query=HSR --arg limit=5 (lists: a,b,c).")
  Map<String, String> keyValues = new LinkedHashMap<>();

  @Option(
      names = "--args",
      paramLabel = "JSON",
      description = "The arguments as a JSON object, e.g. '{\"query\": \"HSR\"}'.")
  String arguments = "{}";

  @Option(names = "--json", description = "Print the structured content as JSON.")
  boolean json;

  @Mixin StorageOptions storage = new StorageOptions();

  @Mixin RemoteOptions remote = new RemoteOptions();

  @Override
  public Integer call() {
    JsonMapper mapper = JsonMapper.builder().build();
    ToolCatalog catalog = ToolCatalog.standard();
    PrintWriter out = spec.commandLine().getOut();
    if (remote.enabled()) {
      return callRemotely(mapper, out);
    }
    if (list) {
      for (AgentTool tool : catalog.tools()) {
        out.printf("%-20s %s%n", tool.name(), tool.description());
      }
      out.flush();
      return 0;
    }
    if (name == null) {
      throw new ParameterException(spec.commandLine(), "name a tool (atelier tool --list)");
    }
    if (catalog.tools().stream().noneMatch(t -> t.name().equals(name))) {
      throw new ParameterException(
          spec.commandLine(), "unknown tool: " + name + " (atelier tool --list shows them)");
    }
    Map<String, Object> parsed = new LinkedHashMap<>(parse(mapper));
    parsed.putAll(keyValues);
    try (CodeIntelligence core =
        CodeIntelligence.open(storage.settings(path), CodeIntelligence.defaultThreads())) {
      ToolAnswer answer =
          catalog.call(
              name,
              parsed,
              TeamScope.with(new FolderScope(() -> core, path), new LocalTeam(() -> core)));
      out.println(json ? mapper.writeValueAsString(answer.structured()) : answer.text());
      out.flush();
      return 0;
    } catch (AtelierException e) {
      spec.commandLine().getErr().println("atelier tool " + name + ": " + e.getMessage());
      return 1;
    }
  }

  // The server's catalog decides which tools exist: it may be newer than this command line.
  private int callRemotely(JsonMapper mapper, PrintWriter out) {
    try (RemoteClient client = remote.client()) {
      if (list) {
        for (JsonNode tool : client.get("/api/tools")) {
          out.printf(
              "%-20s %s%n", tool.path("name").asString(), tool.path("description").asString());
        }
        out.flush();
        return 0;
      }
      if (name == null) {
        throw new ParameterException(spec.commandLine(), "name a tool (atelier tool --list)");
      }
      Map<String, Object> parsed = new LinkedHashMap<>(parse(mapper));
      parsed.putAll(keyValues);
      long id = remote.repository(client, path).id();
      JsonNode answer = client.post("/api/repos/" + id + "/tools/" + name, parsed);
      out.println(
          json
              ? mapper.writeValueAsString(answer.path("structured"))
              : answer.path("text").asString());
      out.flush();
      return 0;
    } catch (AtelierException e) {
      spec.commandLine().getErr().println("atelier tool " + name + ": " + e.getMessage());
      return 1;
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
}
