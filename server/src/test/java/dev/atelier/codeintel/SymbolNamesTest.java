package dev.atelier.codeintel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SymbolNamesTest {

  @Test
  void theSimpleNameFollowsTheLastSeparatorOfAnyLanguage() {
    assertThat(SymbolNames.lastSegment("Preconditions.checkNotNull")).isEqualTo("checkNotNull");
    assertThat(SymbolNames.lastSegment("std::vector::push_back")).isEqualTo("push_back");
    assertThat(SymbolNames.lastSegment("List#add")).isEqualTo("add");
    assertThat(SymbolNames.lastSegment("plain")).isEqualTo("plain");
    assertThat(SymbolNames.lastSegment("trailing.")).isEqualTo("trailing");
  }

  @Test
  void aQualifiedNameMatchesItsTailOnlyAtASeparator() {
    String full = "com.google.common.base.Preconditions.checkNotNull";
    assertThat(SymbolNames.qualifiedMatches(full, "Preconditions.checkNotNull")).isTrue();
    assertThat(SymbolNames.qualifiedMatches(full, "base::Preconditions::checkNotNull")).isTrue();
    assertThat(SymbolNames.qualifiedMatches(full, full)).isTrue();
    assertThat(SymbolNames.qualifiedMatches(full, "conditions.checkNotNull")).isFalse();
    assertThat(SymbolNames.qualifiedMatches("a.b", "x.a.b")).isFalse();
  }
}
