package dev.atelier.repos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.platform.AtelierException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepoPathTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "/etc/passwd",
        "..",
        ".",
        "../outside.txt",
        "src/../../outside.txt",
        "src/./Main.java",
        "src//Main.java",
        "src/",
        "C:/Windows/win.ini",
        "c:relative",
        "src\\..\\..\\outside.txt",
        "nul\u0000byte.txt",
        "line\nbreak.txt",
        "escape\u001b.txt"
      })
  void rejectsPathsThatCouldLeaveTheRepositoryOrCannotBeStored(String path) {
    assertThatThrownBy(() -> RepoPath.of(path))
        .isInstanceOf(AtelierException.class)
        .hasMessageStartingWith("invalid repository path")
        .extracting(e -> ((AtelierException) e).errorCode())
        .isEqualTo(ReposError.INVALID_PATH);
    assertThat(RepoPath.isValid(path)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "README.md",
        "src/main/java/App.java",
        ".github/workflows/ci.yml",
        "a/..b/c..",
        "...",
        "docs/naïve café.txt"
      })
  void acceptsOrdinaryRelativePaths(String path) {
    assertThat(RepoPath.of(path).value()).isEqualTo(path);
  }

  @org.junit.jupiter.api.Test
  void rejectsOverlongPaths() {
    assertThat(RepoPath.isValid("a/".repeat(2048) + "b")).isFalse();
  }

  @org.junit.jupiter.api.Test
  void namesItsLastSegment() {
    assertThat(RepoPath.of("src/main/App.java").fileName()).isEqualTo("App.java");
    assertThat(RepoPath.of("src").resolve("App.java")).isEqualTo(RepoPath.of("src/App.java"));
  }
}
