package dev.atelier.codeintel.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a test's name says it tests. */
class TestFilesTest {

  @Test
  void namesTheFileATestIsAbout() {
    assertThat(TestFiles.subject("a/FooTest.java")).isEqualTo("Foo.java");
    assertThat(TestFiles.subject("p/test_views.py")).isEqualTo("views.py");
    assertThat(TestFiles.subject("fmt/print_test.go")).isEqualTo("print.go");
    assertThat(TestFiles.subject("web/app.test.tsx")).isEqualTo("app.tsx");
    assertThat(TestFiles.subject("tests/helpers.py")).isNull();
  }
}
