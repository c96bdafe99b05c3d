package dev.atelier.codeintel.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.codeintel.internal.search.NameMatcher.Match;
import org.junit.jupiter.api.Test;

class NameMatcherTest {

  private static Match match(String query, String name) {
    return new NameMatcher(query).score(name).match();
  }

  private static int score(String query, String name) {
    return new NameMatcher(query).score(name).value();
  }

  @Test
  void camelHumpsMatchWordStarts() {
    assertThat(match("HSR", "HttpServletRequest")).isEqualTo(Match.CAMEL_HUMP);
    assertThat(match("getUN", "getUserName")).isEqualTo(Match.CAMEL_HUMP);
    assertThat(match("HttpSeRe", "HttpServletRequest")).isEqualTo(Match.CAMEL_HUMP);
    assertThat(match("nr", "new_reader")).isEqualTo(Match.CAMEL_HUMP);
    assertThat(match("URLC", "URLConnection")).isEqualTo(Match.PREFIX);
    assertThat(match("UC", "URLConnection")).isEqualTo(Match.CAMEL_HUMP);
  }

  @Test
  void exactBeatsPrefixBeatsHumpBeatsSubstringBeatsFuzzy() {
    assertThat(score("Reader", "Reader")).isGreaterThan(score("Reader", "ReaderAt"));
    assertThat(score("Read", "ReaderAt")).isGreaterThan(score("RA", "ReaderAt"));
    assertThat(score("RA", "ReaderAt")).isGreaterThan(score("derA", "ReaderAt"));
    assertThat(match("derA", "ReaderAt")).isEqualTo(Match.SUBSTRING);
    assertThat(match("rdrt", "ReaderAt")).isEqualTo(Match.FUZZY);
    assertThat(score("derA", "ReaderAt")).isGreaterThan(score("rdrt", "ReaderAt"));
  }

  @Test
  void shorterNamesWinWithinAMatchKind() {
    assertThat(score("Buf", "Buffer")).isGreaterThan(score("Buf", "BufferedReaderFactory"));
  }

  @Test
  void caseMatchingRanksAboveCaseFolding() {
    assertThat(score("reader", "reader")).isGreaterThan(score("reader", "Reader"));
    assertThat(match("reader", "Reader")).isEqualTo(Match.EXACT);
  }

  @Test
  void unrelatedNamesDoNotMatch() {
    assertThat(match("xyz", "HttpServletRequest")).isEqualTo(Match.NONE);
    assertThat(match("HSZ", "HttpServletRequest")).isEqualTo(Match.NONE);
  }

  @Test
  void everyMatchingNameHoldsTheQuerysCharacters() {
    for (String name : new String[] {"HttpServletRequest", "getUserName", "read_all", "Öffnen2"}) {
      for (String query : new String[] {"HSR", "gUN", "rall", "req", "ÖFF", "n2", "zz"}) {
        long wanted = new NameMatcher(query).characters();
        long held = NameMatcher.characters(name.toLowerCase(java.util.Locale.ROOT));
        if (match(query, name) != Match.NONE) {
          assertThat(held & wanted).as(query + " in " + name).isEqualTo(wanted);
        }
      }
    }
    assertThat(new NameMatcher("zz").characters() & NameMatcher.characters("reader"))
        .isNotEqualTo(new NameMatcher("zz").characters());
  }
}
