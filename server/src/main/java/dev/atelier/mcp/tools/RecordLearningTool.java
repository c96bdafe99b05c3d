package dev.atelier.mcp.tools;

import dev.atelier.mcp.AgentTool;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.ToolAnswer;
import dev.atelier.mcp.ToolArguments;
import dev.atelier.mcp.ToolCall;
import dev.atelier.memory.Learning;
import dev.atelier.memory.LearningKind;
import dev.atelier.memory.LearningScope;
import dev.atelier.memory.Learnings;
import dev.atelier.memory.NewLearning;
import dev.atelier.platform.AtelierException;
import dev.atelier.repos.RepoPath;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code record_learning}: stores what an agent learned about the repository. */
public final class RecordLearningTool implements AgentTool {

  @Override
  public boolean readOnly() {
    return false;
  }

  @Override
  public String name() {
    return "record_learning";
  }

  @Override
  public String description() {
    return "Store a learning about this repository for later sessions: a convention, pitfall,"
        + " decision or how-to, scoped to the repository, a folder or a file. recall finds it by"
        + " its words and tags or by the files being worked on.";
  }

  @Override
  public InputSchema schema() {
    return InputSchema.object()
        .string("content", "what was learned, to the point (at most 8 KiB)", true)
        .enumeration("kind", "what kind of learning (required)", LearningKind.ids())
        .enumeration(
            "scope",
            "where it applies (default: file or folder if path is given, else repo)",
            LearningScope.Level.ids())
        .string("path", "the folder or file it applies to, repository-relative", false)
        .strings("tags", "words that help recall it", false)
        .string("source", "where it came from: a PR, an issue, a URL, a session", false);
  }

  @Override
  public ToolAnswer call(ToolCall call) {
    ToolArguments arguments = call.arguments();
    String content = arguments.string("content", "");
    LearningKind kind = kind(arguments.string("kind"));
    LearningScope scope = scope(call);
    NewLearning wanted;
    try {
      wanted =
          new NewLearning(
              kind,
              scope,
              content,
              arguments.strings("tags"),
              arguments.optionalString("source").orElse(null));
    } catch (AtelierException e) {
      throw ToolArguments.invalid(e.getMessage());
    }
    Learnings store = LearningLines.store(call);
    Optional<Learning> same = store.findSame(call.orgId(), call.repository().id(), wanted);
    Learning learning =
        same.orElseGet(() -> store.record(call.orgId(), call.repository().id(), wanted));
    Map<String, Object> fields = new LinkedHashMap<>(LearningLines.fields(learning));
    fields.put("created", same.isEmpty());
    return ToolAnswer.of(
        (same.isEmpty() ? "recorded " : "already recorded (not stored twice) ")
            + LearningLines.line(learning),
        fields);
  }

  private static LearningKind kind(String id) {
    try {
      return LearningKind.ofId(id);
    } catch (AtelierException e) {
      throw ToolArguments.invalid("kind: " + e.getMessage());
    }
  }

  /** The scope the arguments name; a path must exist in the indexed branch. */
  private static LearningScope scope(ToolCall call) {
    // "." is how an agent names the repository root
    Optional<String> path =
        call.arguments().optionalString("path").filter(p -> !p.equals(".") && !p.equals("./"));
    Optional<String> level = call.arguments().optionalString("scope");
    if (path.isEmpty()) {
      if (level.isPresent() && !level.get().equalsIgnoreCase("repo")) {
        throw ToolArguments.invalid("scope " + level.get() + " needs a path");
      }
      return LearningScope.repo();
    }
    String relative = LearningLines.path(call, path.get());
    BranchPaths paths = new BranchPaths(call);
    boolean isFile = paths.isFile(relative);
    boolean isFolder = !isFile && paths.isFolder(relative);
    LearningScope.Level chosen;
    try {
      chosen =
          level
              .map(LearningScope.Level::ofId)
              .orElse(isFile ? LearningScope.Level.FILE : LearningScope.Level.FOLDER);
    } catch (AtelierException e) {
      throw ToolArguments.invalid(e.getMessage());
    }
    switch (chosen) {
      case REPO ->
          throw ToolArguments.invalid(
              "scope repo takes no path; drop path or use scope folder or file");
      case FILE -> {
        if (!isFile) {
          throw ToolArguments.invalid(
              "no file '"
                  + relative
                  + "' in branch "
                  + call.branch().name()
                  + (isFolder ? "; it is a folder: use scope folder" : ""));
        }
        return LearningScope.file(relative);
      }
      case FOLDER -> {
        if (!isFolder) {
          throw ToolArguments.invalid(
              "no folder '"
                  + relative
                  + "' in branch "
                  + call.branch().name()
                  + (isFile ? "; it is a file: use scope file" : ""));
        }
        return LearningScope.folder(relative);
      }
    }
    throw new IllegalStateException("unreachable");
  }

  /** Whether paths exist in the call's branch, from its manifest. */
  private record BranchPaths(ToolCall call) {

    boolean isFile(String path) {
      return call.branch()
          .currentManifest()
          .flatMap(m -> call.core().repos().manifests().lookup(call.orgId(), m, RepoPath.of(path)))
          .isPresent();
    }

    boolean isFolder(String path) {
      String prefix = path + "/";
      return call.branch()
          .currentManifest()
          .map(m ->
              call.core().repos().manifests().entries(call.orgId(), m).stream()
                  .anyMatch(e -> e.path().value().startsWith(prefix)))
          .orElse(false);
    }
  }
}
