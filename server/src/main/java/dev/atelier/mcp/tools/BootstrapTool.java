package dev.atelier.mcp.tools;

import static java.util.Objects.requireNonNull;

import dev.atelier.mcp.AgentTool;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.TextBudget;
import dev.atelier.mcp.ToolAnswer;
import dev.atelier.mcp.ToolArguments;
import dev.atelier.mcp.ToolCall;
import dev.atelier.platform.AtelierException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bootstrap}: one call that orients a new agent, made of other tools' answers. Each section
 * gets its share of the budget; what a section leaves unused passes on to the sections after it.
 */
public final class BootstrapTool implements AgentTool {

  private static final int DEFAULT_TOKENS = 4000;

  /**
   * One part of the answer.
   *
   * @param title the heading it is shown under
   * @param tool the tool that answers it
   * @param share its part of the budget, relative to the other sections' shares
   * @param arguments fixed arguments for the tool ({@code max_tokens} is set from the share)
   */
  public record Section(String title, AgentTool tool, double share, Map<String, Object> arguments) {

    public Section {
      requireNonNull(title, "title is null");
      requireNonNull(tool, "tool is null");
      if (!(share > 0)) {
        throw new IllegalArgumentException("share must be positive: " + share);
      }
      arguments = Map.copyOf(arguments);
    }
  }

  private final List<Section> sections;

  public BootstrapTool(List<Section> sections) {
    if (sections.isEmpty()) {
      throw new IllegalArgumentException("bootstrap needs at least one section");
    }
    this.sections = List.copyOf(sections);
  }

  /**
   * Summary (with build and test commands), the repo map (files and key symbols by PageRank),
   * conventions and the most confident learnings.
   */
  public static BootstrapTool standard() {
    return new BootstrapTool(
        List.of(
            new Section("project", new ProjectSummaryTool(), 0.3, Map.of()),
            new Section("repo map", new RepoMapTool(), 0.25, Map.of()),
            new Section("conventions", new ConventionsTool(), 0.25, Map.of()),
            new Section(
                "learnings",
                new ListLearningsTool(),
                0.2,
                Map.of("min_confidence", "0.2", "limit", 15))));
  }

  @Override
  public String name() {
    return "bootstrap";
  }

  @Override
  public String description() {
    return "Call this first in a new session: one answer that orients you in the repository,"
        + " within max_tokens: "
        + String.join(", ", sections.stream().map(Section::title).toList())
        + ", including how to build and test.";
  }

  @Override
  public InputSchema schema() {
    return InputSchema.object().maxTokens(DEFAULT_TOKENS);
  }

  @Override
  public ToolAnswer call(ToolCall call) {
    int total = call.arguments().maxTokens(DEFAULT_TOKENS);
    TextBudget text = new TextBudget(total);
    Map<String, Object> structured = new LinkedHashMap<>();
    double sharesLeft = sections.stream().mapToDouble(Section::share).sum();
    for (Section section : sections) {
      int tokens =
          Math.max(
              ToolArguments.MIN_TOKENS,
              (int) (text.remainingTokens() * section.share() / sharesLeft) - 10);
      sharesLeft -= section.share();
      if (!text.line("## " + section.title())) {
        break;
      }
      Map<String, Object> arguments = new LinkedHashMap<>(section.arguments());
      arguments.put("max_tokens", tokens);
      call.arguments().optionalString("branch").ifPresent(b -> arguments.put("branch", b));
      try {
        ToolAnswer answer =
            section
                .tool()
                .call(
                    new ToolCall(
                        call.core(),
                        call.repository(),
                        call.branch(),
                        ToolArguments.of(arguments)));
        answer.text().lines().forEach(text::line);
        structured.put(section.tool().name(), answer.structured());
      } catch (AtelierException e) {
        text.line("(" + section.tool().name() + " failed: " + e.getMessage() + ")");
      }
    }
    return ToolAnswer.of(text.toString(), structured);
  }
}
