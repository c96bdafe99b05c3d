package dev.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.identity.InstallToken;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCommandTest {

  @TempDir Path workspace;

  private String run(String... args) {
    StringWriter out = new StringWriter();
    int exit =
        AtelierCommand.commandLine(
                settings -> {
                  throw new AssertionError("token starts no server");
                },
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true))
            .execute(args);
    assertThat(exit).isZero();
    return out.toString();
  }

  @Test
  void printsOnlyTheTokenAndTheSameOneEveryTime() {
    String first = run("token", workspace.toString());
    String second = run("token", workspace.toString());

    assertThat(first).matches("[A-Za-z0-9_-]{43}\\R");
    assertThat(second).isEqualTo(first);
  }

  @Test
  void printsTheTokenServeChecksKeptInThePathsAtelierFolder() throws Exception {
    String printed = run("token", workspace.toString()).strip();

    Path file = workspace.resolve(".atelier").resolve(InstallToken.FILE_NAME);
    assertThat(InstallToken.loadOrCreate(workspace.resolve(".atelier")).matches(printed)).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void readsTheTokenFromTheDataFolderWhenGiven(@TempDir Path data) {
    String printed = run("token", "--data", data.toString(), workspace.toString()).strip();

    assertThat(InstallToken.loadOrCreate(data).reveal()).isEqualTo(printed);
    assertThat(workspace.resolve(".atelier")).doesNotExist();
  }

  @Test
  void isListedInTheHelp() {
    assertThat(run("--help")).contains("token");
  }
}
