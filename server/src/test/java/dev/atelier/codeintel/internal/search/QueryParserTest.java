package dev.atelier.codeintel.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.codeintel.Language;
import dev.atelier.platform.AtelierException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParserTest {

  @Test
  void takesFiltersOutWhereverTheyStandAndKeepsTheTextsInnerSpacing() {
    ParsedQuery query = QueryParser.parse("file:^src/  checkNotNull(  x  lang:java", false);

    assertThat(query.pattern()).isEqualTo("checkNotNull(  x");
    assertThat(query.languages()).containsExactly(Language.JAVA);
    assertThat(query.acceptsPath("src/A.java")).isTrue();
    assertThat(query.acceptsPath("test/A.java")).isFalse();
    assertThat(query.acceptsPath("src/a.py")).isFalse();
  }

  @Test
  void excludesPathsAndLanguagesAndMatchesRepositoryNames() {
    ParsedQuery query = QueryParser.parse("-file:_test\\.go$ -lang:text repo:^std foo", false);

    assertThat(query.acceptsPath("net/http/server.go")).isTrue();
    assertThat(query.acceptsPath("net/http/server_test.go")).isFalse();
    assertThat(query.acceptsPath("net/http/README")).isFalse();
    assertThat(query.acceptsRepository("stdlib")).isTrue();
    assertThat(query.acceptsRepository("guava")).isFalse();
  }

  @Test
  void caseYesMakesTheTextAndThePathFiltersCaseSensitive() {
    ParsedQuery query = QueryParser.parse("Foo case:yes file:Main", false);

    assertThat(query.caseSensitive()).isTrue();
    assertThat(query.acceptsPath("src/Main.java")).isTrue();
    assertThat(query.acceptsPath("src/main.java")).isFalse();
    assertThat(QueryParser.parse("Foo case:no", true).caseSensitive()).isFalse();
  }

  @Test
  void wordsThatOnlyLookLikeFiltersStayInTheText() {
    assertThat(QueryParser.parse("http://x.org file: a:b -repo:x", false).pattern())
        .isEqualTo("http://x.org file: a:b -repo:x");
  }

  @ParameterizedTest
  @ValueSource(strings = {"x lang:cobol", "x file:(", "x case:maybe", "lang:go", "  file:x  "})
  void rejectsBadFiltersAndQueriesWithNothingToFind(String bad) {
    assertThatThrownBy(() -> QueryParser.parse(bad, false)).isInstanceOf(AtelierException.class);
  }
}
