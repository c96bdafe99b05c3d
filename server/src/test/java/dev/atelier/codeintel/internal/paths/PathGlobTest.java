package dev.atelier.codeintel.internal.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.platform.AtelierException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One glob semantics for every path filter, as a .gitignore or {@code rg -g} user reads it. */
class PathGlobTest {

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource({
    // a star stays within one folder
    "src/*.java,        src/A.java,                    true",
    "src/*.java,        src/a/A.java,                  false",
    "src/?.java,        src/A.java,                    true",
    "src/?.java,        src/AB.java,                   false",
    // a double star crosses folders, and **/ may match none
    "src/**/*.java,     src/A.java,                    true",
    "src/**/*.java,     src/a/b/A.java,                true",
    "src/**,            src/a/b/A.java,                true",
    "**/*.py,           app.py,                        true",
    "**/*.py,           pkg/sub/app.py,                true",
    "**/testdata/**,    go/printer/testdata/a.go,      true",
    // without a slash: the file name, at any depth
    "*_test.go,         net/http/server_test.go,       true",
    "*_test.go,         server_test.go,                true",
    "*.py,              pkg/sub/app.py,                true",
    "main.go,           cmd/demo/main.go,              true",
    "*.py,              pkg/sub/app.pyc,               false",
    // with a slash: anchored at the root
    "src/*.java,        lib/src/A.java,                false",
    "cmd/*/main.go,     cmd/demo/main.go,              true",
    "cmd/*/main.go,     x/cmd/demo/main.go,            false",
    // a leading slash or ./ anchors even a name
    "/main.go,          main.go,                       true",
    "/main.go,          cmd/demo/main.go,              false",
    "./src/*.java,      src/A.java,                    true",
    // a trailing slash: everything below the folder
    "net/http/,         net/http/h2/x.go,              true",
    "net/http/,         net/url/url.go,                false",
    // classes and alternatives
    "'*.{js,ts}',       web/src/app.ts,                true",
    "'*.{js,ts}',       web/src/app.tsx,               false",
    "src/[ab].go,       src/a.go,                      true",
    "src/[!ab].go,      src/a.go,                      false",
    "src/[!ab].go,      src/c.go,                      true"
  })
  void matchesAsAGitignoreUserExpects(String glob, String path, boolean expected) {
    assertThat(PathGlob.of(glob).matches(path)).isEqualTo(expected);
  }

  @Test
  void noGlobMatchesEverything() {
    assertThat(PathGlob.of(null).matches("anything/at/all.go")).isTrue();
    assertThat(PathGlob.of("  ").matchesAll()).isTrue();
  }

  @Test
  void anUnclosedBracketOrBraceIsAnInvalidQuery() {
    assertThatThrownBy(() -> PathGlob.of("src/[ab.go"))
        .isInstanceOf(AtelierException.class)
        .hasMessageContaining("unclosed [");
    assertThatThrownBy(() -> PathGlob.of("*.{js,ts"))
        .isInstanceOf(AtelierException.class)
        .hasMessageContaining("unclosed {");
  }
}
