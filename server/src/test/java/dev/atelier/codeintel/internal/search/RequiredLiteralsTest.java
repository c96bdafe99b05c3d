package dev.atelier.codeintel.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequiredLiteralsTest {

  @Test
  void findsLiteralRunsOutsideGroupsAndQuantifiers() {
    assertThat(RequiredLiterals.of("func New\\w+Reader")).containsExactly("func New", "Reader");
    assertThat(RequiredLiterals.of("ab?cdef")).containsExactly("cdef");
    assertThat(RequiredLiterals.of("foo(bar|baz)qux")).containsExactly("foo", "qux");
    assertThat(RequiredLiterals.of("\\.close\\(\\)")).containsExactly(".close()");
  }

  @Test
  void givesUpOnTopLevelAlternationAndShortRuns() {
    assertThat(RequiredLiterals.of("alpha|beta")).isEmpty();
    assertThat(RequiredLiterals.of("a.b.c")).isEmpty();
    assertThat(RequiredLiterals.of("[abc]+")).isEmpty();
  }
}
