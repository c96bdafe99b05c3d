package dev.atelier.codeintel.internal.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.codeintel.Language;
import dev.atelier.codeintel.internal.insights.SourceMetrics.Metrics;
import dev.atelier.codeintel.internal.insights.SourceMetrics.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The complexity estimate: decision points, nesting and markers, per language family. */
class SourceMetricsTest {

  @Test
  void countsJavaDecisionsButNotThoseInCommentsOrStrings() {
    String java =
        """
        class A {
          int f(int x) {
            // if this were code it would count
            String s = "while (true) { if }";
            if (x > 0 && x < 10) {
              for (int i = 0; i < x; i++) {
                if (i % 2 == 0) {
                  return x > 5 ? 1 : 2;
                }
              }
            }
            return 0;
          }
        }
        """;
    Metrics m = SourceMetrics.measure(Language.JAVA, java, List.of(new Span("f", 2, 13)));

    // if, &&, for, if, ?: five decisions, plus one for the function
    assertThat(m.decisions()).isEqualTo(5);
    assertThat(m.cyclomatic()).isEqualTo(6);
    assertThat(m.functions())
        .singleElement()
        .satisfies(f -> {
          assertThat(f.nesting()).isEqualTo(3);
          assertThat(f.lines()).isEqualTo(12);
          assertThat(f.cyclomatic()).isEqualTo(6);
        });
  }

  @Test
  void measuresPythonNestingByIndentationAndSkipsDocstrings() {
    String python =
        """
        def f(items):
            \"\"\"if and or while: not code.\"\"\"
            for item in items:
                if item and (item > 1 or
                        item < -1):
                    pass
            return 0
        """;
    Metrics m = SourceMetrics.measure(Language.PYTHON, python, List.of(new Span("f", 1, 7)));

    assertThat(m.decisions()).isEqualTo(4); // for, if, and, or
    assertThat(m.maxNesting()).isEqualTo(2);
  }

  @Test
  void findsTodoMarkersByLine() {
    Metrics m =
        SourceMetrics.measure(
            Language.GO, "package x\n// TODO: one\nfunc f() {}\n// FIXME two\n", List.of());

    assertThat(m.todoLines()).containsExactly(2, 4);
    assertThat(m.cyclomatic()).isEqualTo(1);
  }
}
