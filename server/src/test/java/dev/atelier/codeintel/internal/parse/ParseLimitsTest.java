package dev.atelier.codeintel.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.codeintel.CodeParser;
import dev.atelier.codeintel.CodeParsers;
import dev.atelier.codeintel.Language;
import dev.atelier.codeintel.ParsedFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParseLimitsTest {

  /** Both backends with the given limits (the -O2 one only where it can run). */
  static List<CodeParser> parsers(ParseLimits limits) throws Exception {
    List<CodeParser> parsers = new ArrayList<>();
    parsers.add(new BonedeBackend(limits));
    if (CodeParsers.o2Available()) {
      Path library = NativeLibrary.path().orElseThrow();
      parsers.add(
          (CodeParser)
              Class.forName("dev.atelier.codeintel.internal.parse.O2Backend")
                  .getConstructor(Path.class, ParseLimits.class)
                  .newInstance(library, limits));
    }
    return parsers;
  }

  @Test
  void filesOverTheByteLimitYieldAnEmptyResult() throws Exception {
    for (CodeParser parser : parsers(new ParseLimits(100, 10_000_000L, 50, 1000))) {
      try (parser) {
        ParsedFile small = parser.parse(Language.GO, "package p\nfunc F() {}\n");
        assertThat(small.symbols()).as(parser.backend()).hasSize(1);
        ParsedFile big = parser.parse(Language.GO, "package p\n" + "func F() {}\n".repeat(100));
        assertThat(big.symbols()).as(parser.backend()).isEmpty();
        assertThat(big.language()).isEqualTo(Language.GO);
      }
    }
  }

  @Test
  void aParseOverItsTimeBudgetStopsWithoutThrowing() throws Exception {
    String huge = "package p\n" + "func F(a int) int { return a + g(a) * 2 }\n".repeat(60_000);
    for (CodeParser parser : parsers(new ParseLimits(64 << 20, 1_000L, 50, 1_000_000))) {
      try (parser) {
        long start = System.nanoTime();
        ParsedFile f = parser.parse(Language.GO, huge);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(f.language()).isEqualTo(Language.GO);
        assertThat(f.symbols().size()).as(parser.backend()).isLessThan(60_000);
        assertThat(millis).as(parser.backend()).isLessThan(2_000);
      }
    }
  }

  @Test
  void matchesAreCappedPerFile() throws Exception {
    String many = "package p\n" + "func F() { a(); b(); c() }\n".repeat(500);
    for (CodeParser parser : parsers(new ParseLimits(4 << 20, 10_000_000L, 50, 100))) {
      try (parser) {
        ParsedFile f = parser.parse(Language.GO, many);
        assertThat(f.symbols().size() + f.references().size())
            .as(parser.backend())
            .isLessThanOrEqualTo(100);
      }
    }
  }
}
