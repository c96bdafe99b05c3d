package dev.atelier.codeintel.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.codeintel.SecurityScan.RuleInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScannerRuleSetTest {

  @Test
  void describesEveryStandardRuleOnceWithItsSeverityAndCategory() {
    List<RuleInfo> rules = Scanner.ruleSet();

    assertThat(rules).hasSize(Rules.standard().size());
    assertThat(rules).extracting(RuleInfo::id).doesNotHaveDuplicates();
    assertThat(rules)
        .extracting(RuleInfo::severity)
        .allMatch(s -> List.of("low", "medium", "high", "critical").contains(s));
    assertThat(rules)
        .extracting(RuleInfo::category)
        .contains("secret", "injection")
        .allMatch(c -> List.of("secret", "injection", "crypto", "tls").contains(c));
  }
}
