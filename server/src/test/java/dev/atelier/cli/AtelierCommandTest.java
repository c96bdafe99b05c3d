package dev.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.Mode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtelierCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final AtomicReference<AtelierSettings> started = new AtomicReference<>();

  private final ServerLauncher launcher =
      settings -> {
        started.set(settings);
        return new RunningServer(
            settings.host(),
            settings.port(),
            () -> {},
            CompletableFuture.completedFuture(null),
            () -> "/api/auth/local?code=test");
      };

  private int run(String... args) {
    return AtelierCommand.commandLine(
            launcher, new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
  }

  @Test
  void helpListsEveryCommand() {
    int exit = run("--help");

    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("serve", "index", "search", "tool", "mcp", "hook", "bench", "version");
  }

  @Test
  void aBadFlagGivesOneErrorLineThenUsageAndExitCode2() {
    int exit = run("--bogus");

    assertThat(exit).isEqualTo(2);
    String[] lines = err.toString().split("\\R");
    assertThat(lines[0]).isEqualTo("atelier: Unknown option: '--bogus'");
    assertThat(lines[1]).startsWith("Usage: atelier");
  }

  @Test
  void aBadFlagOfASubcommandShowsThatSubcommandsUsage() {
    int exit = run("serve", "--port", "not-a-number");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--port").contains("Usage: atelier serve");
  }

  @Test
  void benchAloneListsItsBenchmarks() {
    int exit = run("bench");

    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("Usage: atelier bench")
        .contains("retrieval")
        .contains("tools");
  }

  @Test
  void benchWithAnUnknownBenchmarkIsAUsageError() {
    int exit = run("bench", "anything");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("anything").contains("Usage: atelier bench");
  }

  @Test
  void serveKeepsDataInThePathsAtelierFolderByDefault(@TempDir Path workspace) {
    int exit = run("serve", workspace.toString(), "--port", "7431");

    assertThat(exit).isZero();
    AtelierSettings settings = started.get();
    assertThat(settings.mode()).isEqualTo(Mode.LOCAL);
    assertThat(settings.port()).isEqualTo(7431);
    assertThat(settings.host()).isEqualTo("127.0.0.1");
    assertThat(settings.dataDir()).isEqualTo(workspace.toAbsolutePath().resolve(".atelier"));
    assertThat(out.toString()).contains("Atelier is ready at http://127.0.0.1:7431");
    assertThat(out.toString()).contains("http://127.0.0.1:7431/api/auth/local?code=");
  }

  @Test
  void serveRefusesANetworkAddressInOneLine(@TempDir Path workspace) {
    int exit = run("serve", workspace.toString(), "--host", "0.0.0.0");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).startsWith("atelier: refusing --host 0.0.0.0").hasLineCount(1);
    assertThat(started.get()).isNull();
  }

  @Test
  void serveTakesTheDataFolderFromDataFlag(@TempDir Path workspace) {
    Path data = workspace.resolve("elsewhere");

    run("serve", workspace.toString(), "--data", data.toString());

    assertThat(started.get().dataDir()).isEqualTo(data.toAbsolutePath());
  }

  @Test
  void serveRefusesAFolderThatDoesNotExist(@TempDir Path workspace) {
    int exit = run("serve", workspace.resolve("missing").toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).startsWith("atelier: no such folder:");
    assertThat(started.get()).isNull();
  }

  @Test
  void serviceModeWithoutUrlsNamesWhatIsMissing(@TempDir Path workspace) {
    int exit =
        run("serve", workspace.toString(), "--mode", "service", "--db-url", "", "--redis-url", "");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("ATELIER_DB_URL").contains("ATELIER_REDIS_URL");
    assertThat(started.get()).isNull();
  }

  @Test
  void versionPrintsJsonWhenAsked() {
    int exit = run("version", "--json");

    assertThat(exit).isZero();
    assertThat(out.toString()).matches("(?s)\\{\"version\":\"[^\"]+\",\"java\":\"[^\"]+\"}\\R");
  }
}
