package dev.atelier.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.platform.AtelierException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallTokenTest {

  @TempDir Path data;

  @Test
  void isMadeOnceAsFortyThreeUrlSafeCharactersAndThenReused() {
    InstallToken first = InstallToken.loadOrCreate(data.resolve("new-folder"));
    InstallToken again = InstallToken.loadOrCreate(data.resolve("new-folder"));

    assertThat(first.reveal()).matches("[A-Za-z0-9_-]{43}");
    assertThat(again.reveal()).isEqualTo(first.reveal());
    assertThat(InstallToken.loadOrCreate(data.resolve("other")).reveal())
        .isNotEqualTo(first.reveal());
  }

  @Test
  void isStoredReadableByItsOwnerOnlyWithNoTemporaryFileLeft() throws Exception {
    InstallToken.loadOrCreate(data);

    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data.resolve(InstallToken.FILE_NAME))))
        .isEqualTo("rw-------");
    try (var files = Files.list(data)) {
      assertThat(files)
          .containsExactlyInAnyOrder(
              data.resolve(InstallToken.FILE_NAME), data.resolve(".gitignore"));
    }
  }

  @Test
  void takesAwayOtherUsersAccessToAnExistingFile() throws Exception {
    Path file = data.resolve(InstallToken.FILE_NAME);
    Files.writeString(file, "a".repeat(43) + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    InstallToken token = InstallToken.loadOrCreate(data);

    assertThat(token.reveal()).isEqualTo("a".repeat(43));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void matchesOnlyItselfAndNeverShowsInToString() {
    InstallToken token = InstallToken.loadOrCreate(data);
    String value = token.reveal();

    assertThat(token.matches(value)).isTrue();
    assertThat(token.matches(value.substring(1))).isFalse();
    assertThat(token.matches(value + "x")).isFalse();
    assertThat(token.matches("")).isFalse();
    assertThat(token.matches(null)).isFalse();
    assertThat(token.toString()).doesNotContain(value);
  }

  @Test
  void refusesAFileThatHoldsNoToken() throws Exception {
    Files.writeString(data.resolve(InstallToken.FILE_NAME), "not a token\n");

    assertThatThrownBy(() -> InstallToken.loadOrCreate(data))
        .isInstanceOf(AtelierException.class)
        .hasMessageContaining("does not hold an access token");
  }
}
