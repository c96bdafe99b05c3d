package dev.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.cli.RunningServer;
import dev.atelier.identity.InstallToken;
import dev.atelier.platform.AtelierSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The general server scenarios of the MCP conformance suite
 * ({@code @modelcontextprotocol/conformance}, pinned in {@code scripts/mcp-conformance}) against
 * {@code /mcp} of a real server, with the token required as always: the runner adds it to every
 * request the suite makes.
 */
class McpConformanceIT {

  private static final List<String> SCENARIOS =
      List.of(
          "server-initialize",
          "ping",
          "tools-list",
          "logging-set-level",
          "dns-rebinding-protection");

  @TempDir Path workspace;
  @TempDir Path results;

  @Test
  void passesTheGeneralServerScenarios() throws Exception {
    Files.writeString(workspace.resolve("Main.java"), "class Main { void run() {} }\n");
    RunningServer server = new AtelierServer().start(AtelierSettings.local(workspace).withPort(0));
    try {
      String token = InstallToken.loadOrCreate(workspace.resolve(".atelier")).reveal();
      Path log = results.resolve("conformance.log");
      List<String> command = new ArrayList<>();
      command.add(runner().toString());
      command.add("http://127.0.0.1:" + server.port() + "/mcp");
      command.add(results.toString());
      command.addAll(SCENARIOS);
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("ATELIER_MCP_TOKEN", token);
      Process run = builder.start();
      // The first run installs the suite from npm; later ones take a few seconds.
      assertThat(run.waitFor(10, TimeUnit.MINUTES)).as("conformance run finishes").isTrue();

      Map<String, List<String>> failures = failures();
      assertThat(failures.keySet())
          .as("scenarios with results; log:%n%s", Files.readString(log))
          .containsExactlyInAnyOrderElementsOf(SCENARIOS);
      assertThat(failures)
          .as("checks that did not succeed; log:%n%s", Files.readString(log))
          .allSatisfy((scenario, failed) -> assertThat(failed).as(scenario).isEmpty());
    } finally {
      server.stop();
    }
  }

  /** Per scenario, the checks whose status is not SUCCESS (with their messages). */
  private Map<String, List<String>> failures() throws IOException {
    JsonMapper json = JsonMapper.builder().build();
    Map<String, List<String>> byScenario = new TreeMap<>();
    try (Stream<Path> files = Files.walk(results)) {
      for (Path checks : files.filter(p -> p.endsWith("checks.json")).toList()) {
        String folder = checks.getParent().getFileName().toString();
        String scenario =
            SCENARIOS.stream()
                .filter(s -> folder.startsWith("server-" + s + "-"))
                .findFirst()
                .orElse(folder);
        List<String> failed = byScenario.computeIfAbsent(scenario, s -> new ArrayList<>());
        for (JsonNode check : json.readTree(Files.readString(checks, StandardCharsets.UTF_8))) {
          if (!"SUCCESS".equals(check.get("status").asString())) {
            failed.add(
                check.get("id").asString()
                    + " "
                    + check.get("status").asString()
                    + ": "
                    + check.path("errorMessage").asString(""));
          }
        }
      }
    }
    return byScenario;
  }

  private static Path runner() {
    // Failsafe runs in server/; the script sits in the repository's scripts folder.
    Path script = Path.of("..", "scripts", "mcp-conformance", "run").toAbsolutePath().normalize();
    assertThat(script).as("the conformance runner").isExecutable();
    return script;
  }
}
