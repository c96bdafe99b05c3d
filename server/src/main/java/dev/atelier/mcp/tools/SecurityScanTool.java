package dev.atelier.mcp.tools;

import dev.atelier.codeintel.SecurityScan;
import dev.atelier.codeintel.SecurityScan.Finding;
import dev.atelier.codeintel.SecurityScan.Severity;
import dev.atelier.mcp.AgentTool;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.TextBudget;
import dev.atelier.mcp.ToolAnswer;
import dev.atelier.mcp.ToolArguments;
import dev.atelier.mcp.ToolCall;
import dev.atelier.platform.AtelierException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@code security_scan}: hard-coded secrets and dangerous calls, worst first. */
public final class SecurityScanTool implements AgentTool {

  private static final int MAX_FINDINGS = 2000;

  @Override
  public String name() {
    return "security_scan";
  }

  @Override
  public String description() {
    return "Pattern scan of the branch's files for hard-coded secrets (AWS/GitHub/Slack/Google"
        + " keys, private keys, JWTs, high-entropy password/secret/token assignments; always"
        + " redacted) and dangerous calls (eval/exec, shell commands, SQL built by concatenation,"
        + " weak crypto, disabled TLS verification), with rule, severity and path:line, and per"
        + " language which kinds of dangerous call it has rules for (a language without rules is"
        + " not clean, only unchecked).";
  }

  @Override
  public InputSchema schema() {
    return InputSchema.object()
        .string("path", "only files matching this glob, e.g. src/** or **/*.py", false)
        .enumeration(
            "min_severity",
            "leave out findings below this (default low)",
            List.of("low", "medium", "high", "critical"))
        .bool("exclude_tests", "skip tests and test fixtures (default false)")
        .maxTokens(4000);
  }

  @Override
  public ToolAnswer call(ToolCall call) {
    String glob = call.arguments().optionalString("path").orElse(null);
    Severity min;
    try {
      min = Severity.ofId(call.arguments().string("min_severity", "low"));
    } catch (AtelierException e) {
      throw ToolArguments.invalid("min_severity: " + e.getMessage());
    }
    boolean excludeTests = call.arguments().bool("exclude_tests", false);
    SecurityScan.Report report =
        call.core()
            .security()
            .scan(
                call.orgId(),
                call.branch().id(),
                new SecurityScan.Options(glob, min, excludeTests, MAX_FINDINGS));
    List<Finding> findings =
        report.findings().stream()
            .sorted(
                Comparator.comparing(Finding::severity)
                    .reversed()
                    .thenComparing(Finding::path)
                    .thenComparingInt(Finding::line))
            .toList();
    TextBudget text = call.budget(4000);
    long[] counts = new long[Severity.values().length];
    findings.forEach(f -> counts[f.severity().ordinal()]++);
    text.line(
        findings.size()
            + (report.truncated() ? "+" : "")
            + " findings in "
            + report.filesScanned()
            + " files"
            + Arrays.stream(Severity.values())
                .filter(s -> counts[s.ordinal()] > 0)
                .map(s -> counts[s.ordinal()] + " " + s.id())
                .reduce((a, b) -> a + ", " + b)
                .map(bySeverity -> " (" + bySeverity + ")")
                .orElse("")
            + "; secrets were looked for in every file");
    // A type without rules is a blind spot: say so rather than let "0 findings" read as clean.
    for (SecurityScan.Coverage c : report.coverage()) {
      text.line(
          "."
              + c.fileType()
              + " ("
              + c.files()
              + (c.files() == 1 ? " file" : " files")
              + "): "
              + (c.checked().isEmpty()
                  ? "no rules for dangerous calls in this language"
                  : "checked " + String.join(", ", c.checked()))
              + (c.unchecked().isEmpty() || c.checked().isEmpty()
                  ? ""
                  : "; no rules for " + String.join(", ", c.unchecked())));
    }
    for (Finding f : findings) {
      text.line(
          f.path()
              + ":"
              + f.line()
              + " "
              + f.severity().id()
              + " "
              + f.rule()
              + ": "
              + f.excerpt());
    }
    return ToolAnswer.of(
        text.toString(),
        Map.of(
            "findings",
            findings,
            "files_scanned",
            report.filesScanned(),
            "truncated",
            report.truncated(),
            "millis",
            report.millis(),
            "coverage",
            report.coverage()));
  }
}
