package dev.atelier.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.platform.AtelierException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolArgumentsTest {

  @Test
  void readsTypedValuesAndTheirStringForms() {
    ToolArguments args =
        ToolArguments.of(
            Map.of("depth", "3", "limit", 7, "kinds", "class, method", "deep", "true"));
    assertThat(args.integer("depth", 1, 1, 5)).isEqualTo(3);
    assertThat(args.integer("limit", 1, 1, 50)).isEqualTo(7);
    assertThat(args.strings("kinds")).containsExactly("class", "method");
    assertThat(args.bool("deep", false)).isTrue();
    assertThat(args.integer("missing", 4, 1, 5)).isEqualTo(4);
  }

  @Test
  void mistypedMissingAndOutOfRangeArgumentsNameTheArgument() {
    ToolArguments args =
        ToolArguments.of(Map.of("depth", 99, "query", List.of("x"), "limit", "many"));
    assertThatThrownBy(() -> args.integer("depth", 1, 1, 5))
        .isInstanceOf(AtelierException.class)
        .hasMessage("depth must be between 1 and 5, not 99");
    assertThatThrownBy(() -> args.string("query")).hasMessage("query must be a string, not a list");
    assertThatThrownBy(() -> args.integer("limit", 1, 1, 5))
        .hasMessage("limit must be a whole number, not \"many\"");
    assertThatThrownBy(() -> args.string("path")).hasMessage("path is required");
  }

  @Test
  void budgetsBelowTheFloorFailAndHugeOnesAreCut() {
    assertThatThrownBy(() -> ToolArguments.of(Map.of("max_tokens", 0)).maxTokens(100))
        .hasMessageContaining("max_tokens must be at least");
    assertThat(ToolArguments.of(Map.of("max_tokens", 1_000_000_000)).maxTokens(100))
        .isEqualTo(ToolArguments.MAX_TOKENS_CAP);
  }

  @Test
  void textBudgetStopsAtTheBudgetAndSaysWhatItLeftOut() {
    TextBudget text = new TextBudget(50);
    for (int i = 0; i < 40; i++) {
      text.line("src/main/java/Line" + i + ".java:1");
    }
    assertThat(text.full()).isTrue();
    assertThat(TextBudget.tokens(text.toString())).isLessThanOrEqualTo(70);
    assertThat(text.toString()).endsWith("more lines left out by max_tokens=50");
  }
}
