package dev.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code atelier index} killed with SIGKILL mid-run: the next run completes the index. */
class IndexKillIT {

  @TempDir Path tree;
  @TempDir Path data;

  private Process index(String... extra) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-jar",
                System.getProperty("atelier.jar"),
                "index",
                tree.toString(),
                "--data",
                data.toString()));
    command.addAll(List.of(extra));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  @Test
  void aKilledIndexRunLeavesAStoreTheNextRunCompletes() throws Exception {
    for (int i = 0; i < 3000; i++) {
      Path file = tree.resolve("pkg" + (i / 100)).resolve("F" + i + ".java");
      Files.createDirectories(file.getParent());
      StringBuilder body = new StringBuilder("class F" + i + " {\n");
      for (int m = 0; m < 20; m++) {
        body.append("  int m")
            .append(m)
            .append("(int x) { return helper")
            .append(m)
            .append("(x); }\n");
      }
      Files.writeString(file, body.append("}\n"));
    }
    Process first = index();
    // Pull the plug once it is writing parse results (the WAL grows), not after a fixed time.
    Path wal = data.resolve("atelier.db-wal");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (first.isAlive()
        && System.nanoTime() < deadline
        && !(Files.exists(wal) && Files.size(wal) > 1024 * 1024)) {
      java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
    }
    first.destroyForcibly();
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).as("the first run was killed before it finished").isNotZero();

    Process second = index("--json");
    String out = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(second.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(second.exitValue()).as(out).isZero();
    JsonNode summary = JsonMapper.builder().build().readTree(out);
    assertThat(summary.get("files").asLong()).isEqualTo(3000);
    assertThat(summary.get("symbols").asLong()).isEqualTo(3000 * 21);
  }
}
