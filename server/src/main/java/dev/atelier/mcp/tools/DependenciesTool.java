package dev.atelier.mcp.tools;

import dev.atelier.codeintel.ProjectDependencies;
import dev.atelier.codeintel.ProjectDependencies.Declared;
import dev.atelier.codeintel.ProjectDependencies.Dependency;
import dev.atelier.mcp.AgentTool;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.TextBudget;
import dev.atelier.mcp.ToolAnswer;
import dev.atelier.mcp.ToolCall;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code dependencies}: declared external packages and the files using each. */
public final class DependenciesTool implements AgentTool {

  private static final int FILES_SHOWN = 5;

  @Override
  public String name() {
    return "dependencies";
  }

  @Override
  public String description() {
    return "External packages declared in the build manifests (pom.xml, build.gradle(.kts),"
        + " package.json, go.mod, pyproject.toml, requirements*.txt, Cargo.toml, Gemfile,"
        + " composer.json, *.csproj) with version and scope, and the files that import each.";
  }

  @Override
  public InputSchema schema() {
    return InputSchema.object()
        .bool("unused_only", "only declared packages no file imports (default false)")
        .maxTokens(4000);
  }

  @Override
  public ToolAnswer call(ToolCall call) {
    boolean unusedOnly = call.arguments().bool("unused_only", false);
    ProjectDependencies.Report report =
        call.core().dependencies().list(call.orgId(), call.branch().id());
    TextBudget text = call.budget(4000);
    if (report.manifests().isEmpty()) {
      text.line("no build manifests found");
    }
    Map<String, List<Dependency>> byManifest =
        report.dependencies().stream()
            .filter(d -> !unusedOnly || d.usedBy().isEmpty())
            .collect(
                Collectors.groupingBy(
                    d -> d.declared().manifest(), java.util.TreeMap::new, Collectors.toList()));
    for (String manifest : report.manifests()) {
      List<Dependency> dependencies = byManifest.getOrDefault(manifest, List.of());
      text.line(manifest + " (" + dependencies.size() + " packages)");
      for (Dependency d : dependencies) {
        Declared declared = d.declared();
        StringBuilder line =
            new StringBuilder("  ")
                .append(manifest)
                .append(':')
                .append(declared.line())
                .append(' ')
                .append(declared.name());
        if (declared.version() != null) {
          line.append(' ').append(declared.version());
        }
        line.append(" [").append(declared.scope()).append("] ");
        if (d.usedBy().isEmpty()) {
          line.append("no importing files");
        } else {
          line.append("used by ").append(d.usedBy().size()).append(": ");
          line.append(
              String.join(", ", d.usedBy().subList(0, Math.min(FILES_SHOWN, d.usedBy().size()))));
          if (d.usedBy().size() > FILES_SHOWN) {
            line.append(", ...");
          }
        }
        text.line(line);
      }
    }
    if (report.dependencies().stream().anyMatch(d -> d.usedBy().isEmpty())) {
      // Usage is read from import statements only: say so rather than call a package unused.
      text.line(
          "(no importing files: no import or use statement names it; a package used only through"
              + " qualified paths, macros, plugins or the build itself is not seen)");
    }
    report.problems().forEach(p -> text.line("unreadable: " + p));
    if (!report.undeclared().isEmpty() && !unusedOnly) {
      text.line(
          "imported but not declared (standard library or missing): "
              + report.undeclared().entrySet().stream()
                  .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                  .limit(15)
                  .map(e -> e.getKey() + " (" + e.getValue() + ")")
                  .collect(Collectors.joining(", ")));
    }
    return ToolAnswer.of(
        text.toString(),
        Map.of(
            "dependencies",
            report.dependencies(),
            "manifests",
            report.manifests(),
            "problems",
            report.problems(),
            "undeclared",
            report.undeclared()));
  }
}
