package dev.atelier.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetsTest {

  @Test
  void marksEveryWordAndEscapesTheRest() {
    assertThat(Snippets.of("Fix <script> in Parser, then parser tests", List.of("parser")))
        .isEqualTo("Fix &lt;script&gt; in <mark>Parser</mark>, then <mark>parser</mark> tests");
  }

  @Test
  void cutsAroundTheFirstMatchOfALongBody() {
    String body = "a".repeat(300) + " needle " + "b".repeat(300);
    String snippet = Snippets.of(body, List.of("needle"));
    assertThat(snippet).startsWith("…").endsWith("…").contains("<mark>needle</mark>");
    assertThat(snippet.length()).isLessThan(200);
  }

  @Test
  void cjkWordsAreMarkedInsideARun() {
    assertThat(Snippets.of("明日は東京で会議", List.of("東京"))).isEqualTo("明日は<mark>東京</mark>で会議");
  }

  @Test
  void theLongerOfTwoOverlappingWordsWins() {
    assertThat(Snippets.of("redeployment", List.of("deploy", "redeploy")))
        .isEqualTo("<mark>redeploy</mark>ment");
  }
}
