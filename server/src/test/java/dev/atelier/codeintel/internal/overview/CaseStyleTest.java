package dev.atelier.codeintel.internal.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CaseStyleTest {

  @Test
  void tellsTheStyleOfMultiWordAndCapitalisedNames() {
    assertThat(CaseStyle.of("getUserName")).contains(CaseStyle.CAMEL);
    assertThat(CaseStyle.of("HttpClient")).contains(CaseStyle.PASCAL);
    assertThat(CaseStyle.of("Accounts")).contains(CaseStyle.PASCAL);
    assertThat(CaseStyle.of("_load_user")).contains(CaseStyle.SNAKE);
    assertThat(CaseStyle.of("MAX_SIZE")).contains(CaseStyle.UPPER_SNAKE);
    assertThat(CaseStyle.of("Murmur3_128Hash")).contains(CaseStyle.MIXED);
  }

  @Test
  void singleLowerCaseWordsAndAcronymsTellNothing() {
    assertThat(CaseStyle.of("save")).isEqualTo(Optional.empty());
    assertThat(CaseStyle.of("URL")).isEmpty();
    assertThat(CaseStyle.of("__")).isEmpty();
    assertThat(CaseStyle.of("x")).isEmpty();
  }
}
