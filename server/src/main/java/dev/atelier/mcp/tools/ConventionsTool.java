package dev.atelier.mcp.tools;

import dev.atelier.codeintel.RepositoryOverview.Conventions;
import dev.atelier.codeintel.RepositoryOverview.ErrorHandling;
import dev.atelier.codeintel.RepositoryOverview.Layout;
import dev.atelier.codeintel.RepositoryOverview.NamedAnchor;
import dev.atelier.codeintel.RepositoryOverview.NamingStyle;
import dev.atelier.codeintel.RepositoryOverview.TestPlacement;
import dev.atelier.mcp.AgentTool;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.TextBudget;
import dev.atelier.mcp.ToolAnswer;
import dev.atelier.mcp.ToolCall;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code conventions}: naming, layout, tests, frameworks and error handling, with examples. */
public final class ConventionsTool implements AgentTool {

  private static final int DEFAULT_TOKENS = 1500;

  @Override
  public String name() {
    return "conventions";
  }

  @Override
  public String description() {
    return "The repository's observed conventions, with path:line examples: naming case styles"
        + " per language and kind of name (share of camelCase, snake_case, PascalCase...),"
        + " layout (source and test roots), test naming and placement, frameworks, and error"
        + " handling (own exception types, Go err checks). Follow them in new code.";
  }

  @Override
  public InputSchema schema() {
    return InputSchema.object().maxTokens(DEFAULT_TOKENS);
  }

  @Override
  public ToolAnswer call(ToolCall call) {
    Conventions conventions = call.core().overview().conventions(call.orgId(), call.branch().id());
    TextBudget text = call.budget(DEFAULT_TOKENS);
    write(text, conventions);
    return ToolAnswer.of(text.toString(), Map.of("conventions", conventions));
  }

  static void write(TextBudget text, Conventions conventions) {
    if (!conventions.naming().isEmpty()) {
      text.line(
          conventions.sampleStep() > 1
              ? "naming (every " + conventions.sampleStep() + "th definition sampled):"
              : "naming:");
      for (NamingStyle style : conventions.naming()) {
        text.line("  " + naming(style));
      }
      if (conventions.naming().stream().anyMatch(n -> n.language().equals("go"))) {
        text.line("  (go: PascalCase names are exported, camelCase ones package-private)");
      }
    }
    Layout layout = conventions.layout();
    text.line(
        "layout: sources "
            + (layout.sourceRoots().isEmpty()
                ? "at the root"
                : String.join(", ", layout.sourceRoots()))
            + "; tests "
            + (!layout.testRoots().isEmpty()
                ? String.join(", ", layout.testRoots())
                : conventions.tests().isEmpty()
                    // No test file at all: say so, not "beside the code" (tests written inside
                    // source files, like Rust's #[cfg(test)] modules, are not seen either).
                    ? "none found (no file is named or placed as a test; tests inside source"
                        + " files are not seen)"
                    : "beside the code"));
    if (!conventions.tests().isEmpty()) {
      text.line("tests:");
      for (TestPlacement test : conventions.tests()) {
        text.line(
            String.format(
                Locale.ROOT,
                "  %s %s: %,d %s, %s (e.g. %s)",
                test.language(),
                test.pattern(),
                test.files(),
                test.files() == 1 ? "file" : "files",
                test.placement(),
                String.join(", ", test.examples())));
      }
    }
    if (!conventions.frameworks().isEmpty()) {
      text.line("frameworks: " + ProjectSummaryTool.frameworks(conventions.frameworks()));
    }
    ErrorHandling errors = conventions.errors();
    if (errors.exceptionTypes() > 0) {
      text.line(
          "errors: "
              + errors.exceptionTypes()
              + " own exception/error types (e.g. "
              + anchors(errors.examples())
              + ")");
    }
    if (errors.goFilesSampled() > 0) {
      text.line(
          String.format(
              Locale.ROOT,
              "errors (go): %,d `if err != nil` checks in %,d sampled files (%.1f per file): errors are returned and checked at each call",
              errors.goErrorChecks(),
              errors.goFilesSampled(),
              errors.goErrorChecks() / (double) errors.goFilesSampled()));
    }
  }

  private static String naming(NamingStyle style) {
    String others =
        style.styles().entrySet().stream()
            .skip(1)
            .limit(3)
            .map(e -> e.getKey() + " " + percent(e.getValue(), style.names()))
            .collect(Collectors.joining(", "));
    return String.format(
            Locale.ROOT,
            "%s %s: %s %s of %,d (e.g. %s)",
            style.language(),
            style.category(),
            style.dominant(),
            percent(style.styles().values().iterator().next(), style.names()),
            style.names(),
            anchors(style.examples()))
        + (others.isEmpty()
            ? ""
            : "; also " + others + " (e.g. " + anchors(style.exceptions()) + ")");
  }

  private static String percent(int part, int whole) {
    return String.format(Locale.ROOT, "%.0f%%", 100.0 * part / Math.max(1, whole));
  }

  private static String anchors(List<NamedAnchor> anchors) {
    return anchors.stream().map(NamedAnchor::toString).collect(Collectors.joining(", "));
  }
}
