package dev.atelier.mcp.tools;

import dev.atelier.codeintel.GraphAnalysis;
import dev.atelier.codeintel.GraphAnalysis.Dependent;
import dev.atelier.mcp.AgentTool;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.TextBudget;
import dev.atelier.mcp.ToolAnswer;
import dev.atelier.mcp.ToolArguments;
import dev.atelier.mcp.ToolCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code impact_analysis}: the transitive dependents of changed files or symbols, ranked. */
public final class ImpactAnalysisTool implements AgentTool {

  private static final int STRUCTURED_LIMIT = 200;
  // The nearest tests first; the rest of the budget goes to the ranked dependents.
  private static final int TESTS_SHOWN = 25;

  @Override
  public String name() {
    return "impact_analysis";
  }

  @Override
  public String description() {
    return "Blast radius of a change: for changed files and/or symbols, the files that depend on"
        + " them (imports and resolved references, transitively to a depth), ranked by distance"
        + " then fan-in, and the tests among them (FooTest.java, test_foo.py, foo_test.go,"
        + " foo.spec.ts, test/ folders; also tests named after a changed file).";
  }

  @Override
  public InputSchema schema() {
    return InputSchema.object()
        .strings("files", "changed files, repository-relative", false)
        .strings("symbols", "changed symbols: names or qualified names", false)
        .integer("depth", "how many dependency steps to follow (default 3)", 1, 10)
        .maxTokens(4000);
  }

  @Override
  public ToolAnswer call(ToolCall call) {
    ToolArguments args = call.arguments();
    List<String> files = new ArrayList<>();
    for (String path : args.strings("files")) {
      files.add(RepoPaths.relative(call, path));
    }
    List<String> symbols = args.strings("symbols");
    if (files.isEmpty() && symbols.isEmpty()) {
      throw ToolArguments.invalid("give the changed files and/or symbols: files or symbols");
    }
    int depth = args.integer("depth", 3, 1, 10);
    TextBudget text = call.budget(4000);
    GraphAnalysis.Impact impact =
        call.core().analysis().impact(call.branch(), files, symbols, depth);
    List<String> changed = new ArrayList<>(impact.files());
    impact.symbols().forEach(s -> changed.add(s.qualifiedName() + " (" + s.path() + ")"));
    text.line(
        "impact of "
            + String.join(", ", changed)
            + ": "
            + impact.dependents().size()
            + " dependent files, "
            + impact.tests().size()
            + " tests (depth <= "
            + depth
            + ")");
    if (!impact.tests().isEmpty()) {
      text.line("tests:");
      List<Dependent> nearest =
          impact.tests().subList(0, Math.min(TESTS_SHOWN, impact.tests().size()));
      nearest.forEach(t -> text.line("  " + t.path() + " (distance " + t.distance() + ")"));
      if (impact.tests().size() > nearest.size()) {
        text.line("  ... " + (impact.tests().size() - nearest.size()) + " more tests (farther)");
      }
    }
    if (!impact.dependents().isEmpty()) {
      text.line("dependents (distance, fan-in, via):");
      for (Dependent d : impact.dependents()) {
        if (!text.line(line(d))) {
          break;
        }
      }
    }
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("files", impact.files());
    structured.put("symbols", impact.symbols());
    structured.put("totalDependents", impact.dependents().size());
    structured.put(
        "dependents",
        impact.dependents().subList(0, Math.min(STRUCTURED_LIMIT, impact.dependents().size())));
    structured.put("totalTests", impact.tests().size());
    structured.put(
        "tests", impact.tests().subList(0, Math.min(STRUCTURED_LIMIT, impact.tests().size())));
    return ToolAnswer.of(text.toString(), structured);
  }

  private static String line(Dependent d) {
    StringBuilder line =
        new StringBuilder("  ")
            .append(d.path())
            .append(" (")
            .append(d.distance())
            .append(", fan-in ")
            .append(d.fanIn());
    if (!d.via().isEmpty()) {
      line.append(", via ").append(d.via());
    }
    line.append(')');
    if (d.test()) {
      line.append(" [test]");
    }
    if (!d.through().isEmpty()) {
      line.append(" by ").append(String.join(", ", d.through()));
    }
    return line.toString();
  }
}
