package dev.atelier.codeintel.internal.web;

import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.codeintel.SecurityScan;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The rules the security scan runs, so that "no findings" can say what was checked. */
@RestController
@Tag(name = "security", description = "The security scan's rule set")
class SecurityRulesController {

  private final CodeIntelligence core;

  SecurityRulesController(CodeIntelligence core) {
    this.core = core;
  }

  @GetMapping("/api/security/rules")
  @Operation(summary = "Every rule of the security scan: id, severity, category, what it finds")
  List<SecurityScan.RuleInfo> rules() {
    return core.security().rules();
  }
}
