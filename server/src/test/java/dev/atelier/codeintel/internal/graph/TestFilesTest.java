package dev.atelier.codeintel.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a test's name says it tests, and path globs: the filters the graph tools apply to paths. */
class TestFilesTest {

  @Test
  void namesTheFileATestIsAbout() {
    assertThat(TestFiles.subject("a/FooTest.java")).isEqualTo("Foo.java");
    assertThat(TestFiles.subject("p/test_views.py")).isEqualTo("views.py");
    assertThat(TestFiles.subject("fmt/print_test.go")).isEqualTo("print.go");
    assertThat(TestFiles.subject("web/app.test.tsx")).isEqualTo("app.tsx");
    assertThat(TestFiles.subject("tests/helpers.py")).isNull();
  }

  @Test
  void globsStayInAFolderUnlessDoubleStarred() {
    assertThat(PathGlob.of("src/*.java").matches("src/A.java")).isTrue();
    assertThat(PathGlob.of("src/*.java").matches("src/a/A.java")).isFalse();
    assertThat(PathGlob.of("src/**/*.java").matches("src/A.java")).isTrue();
    assertThat(PathGlob.of("src/**/*.java").matches("src/a/b/A.java")).isTrue();
    assertThat(PathGlob.of("*_test.go").matches("net/http/server_test.go")).isTrue();
    assertThat(PathGlob.of("net/http/").matches("net/http/h2/x.go")).isTrue();
    assertThat(PathGlob.of("net/http/").matches("net/url/url.go")).isFalse();
    assertThat(PathGlob.of(null).matches("anything")).isTrue();
  }
}
