package dev.atelier.mcp.tools;

import dev.atelier.codeintel.CodeGraph;
import dev.atelier.codeintel.RefKind;
import dev.atelier.codeintel.ReferenceConfidence;
import dev.atelier.mcp.AgentTool;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.TextBudget;
import dev.atelier.mcp.ToolAnswer;
import dev.atelier.mcp.ToolCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code cross_references}: a symbol's definitions and every resolved reference, by file. Overloads
 * (definitions sharing a qualified name) are one entry: a call the resolver could only pin to "one
 * of the overloads" still certainly calls that name.
 */
public final class CrossReferencesTool implements AgentTool {

  private static final int MAX_NAMES = 5;
  private static final double UNCERTAIN = 0.5;

  @Override
  public String name() {
    return "cross_references";
  }

  @Override
  public String description() {
    return "A symbol's definition(s) and every resolved reference to it, grouped by file, as"
        + " path: line line ... (overloads merged; '?' marks an uncertain resolution). Matches by"
        + " name alone (a call on a receiver whose type is unknown) are listed apart as guesses,"
        + " not counted.";
  }

  @Override
  public InputSchema schema() {
    return InputSchema.object()
        .string("symbol", "a name or a qualified name, e.g. Preconditions.checkNotNull", true)
        .maxTokens(4000);
  }

  @Override
  public ToolAnswer call(ToolCall call) {
    String symbol = call.arguments().string("symbol");
    CodeGraph graph = call.core().graph();
    Map<String, List<CodeGraph.Definition>> byName =
        graph.definitions(call.orgId(), call.branch().id(), symbol).stream()
            .collect(
                Collectors.groupingBy(
                    CodeGraph.Definition::qualifiedName, LinkedHashMap::new, Collectors.toList()));
    TextBudget text = call.budget(4000);
    if (byName.isEmpty()) {
      text.line("no definition of '" + symbol + "'; try search_symbols");
      return ToolAnswer.of(text.toString(), Map.of("definitions", List.of()));
    }
    List<Map<String, Object>> structured = new ArrayList<>();
    for (List<CodeGraph.Definition> overloads :
        byName.values().stream().limit(MAX_NAMES).toList()) {
      Map<String, List<CodeGraph.Reference>> references = new LinkedHashMap<>();
      Map<String, List<CodeGraph.Reference>> guesses = new LinkedHashMap<>();
      merged(call, graph, overloads)
          .forEach((path, refs) -> {
            for (CodeGraph.Reference ref : refs) {
              (ReferenceConfidence.nameOnly(ref.confidence()) ? guesses : references)
                  .computeIfAbsent(path, p -> new ArrayList<>())
                  .add(ref);
            }
          });
      CodeGraph.Definition first = overloads.getFirst();
      int count = references.values().stream().mapToInt(List::size).sum();
      text.line(
          first.symbol().path()
              + ':'
              + first.line()
              + ' '
              + first.kind().id()
              + ' '
              + first.qualifiedName()
              + (overloads.size() > 1 ? " (" + overloads.size() + " overloads)" : "")
              + " - "
              + count
              + (count == 1 ? " reference in " : " references in ")
              + references.size()
              + (references.size() == 1 ? " file" : " files"));
      references.forEach((path, refs) -> text.line("  " + path + ": " + lines(refs)));
      if (!guesses.isEmpty()) {
        int guessed = guesses.values().stream().mapToInt(List::size).sum();
        text.line(
            "  guesses by name alone (the receiver's type is unknown; not counted above): "
                + guessed);
        guesses.forEach((path, refs) -> text.line("    " + path + ": " + lines(refs)));
      }
      structured.add(
          Map.of("definitions", overloads, "references", references, "guesses", guesses));
    }
    if (byName.size() > MAX_NAMES) {
      text.line(
          "... "
              + (byName.size() - MAX_NAMES)
              + " more symbols of that name; give a qualified name");
    }
    return ToolAnswer.of(text.toString(), Map.of("definitions", structured));
  }

  // One reference per place, its confidence the sum over the overloads it resolved to (at most 1).
  private static Map<String, List<CodeGraph.Reference>> merged(
      ToolCall call, CodeGraph graph, List<CodeGraph.Definition> overloads) {
    Map<String, Map<Integer, CodeGraph.Reference>> byFile = new TreeMap<>();
    for (CodeGraph.Definition definition : overloads) {
      graph
          .references(call.orgId(), call.branch().id(), definition.symbol())
          .forEach((path, refs) -> {
            Map<Integer, CodeGraph.Reference> places =
                byFile.computeIfAbsent(path, p -> new TreeMap<>());
            for (CodeGraph.Reference ref : refs) {
              places.merge(
                  ref.ordinal(),
                  ref,
                  (a, b) ->
                      new CodeGraph.Reference(
                          a.path(),
                          a.ordinal(),
                          a.kind(),
                          a.line(),
                          a.column(),
                          a.caller(),
                          Math.min(1.0, a.confidence() + b.confidence())));
            }
          });
    }
    Map<String, List<CodeGraph.Reference>> out = new LinkedHashMap<>();
    byFile.forEach((path, places) -> out.put(path, List.copyOf(places.values())));
    return out;
  }

  /** {@code 12 40(type) 77?}: lines, the kind where it is not a call, ? where uncertain. */
  private static String lines(List<CodeGraph.Reference> refs) {
    StringBuilder line = new StringBuilder();
    for (CodeGraph.Reference ref : refs) {
      if (!line.isEmpty()) {
        line.append(' ');
      }
      line.append(ref.line());
      if (ref.kind() != RefKind.CALL) {
        line.append('(').append(ref.kind().id()).append(')');
      }
      if (ref.confidence() < UNCERTAIN) {
        line.append('?');
      }
    }
    return line.toString();
  }
}
