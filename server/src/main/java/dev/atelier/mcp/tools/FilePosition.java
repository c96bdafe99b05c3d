package dev.atelier.mcp.tools;

import dev.atelier.codeintel.CodeNavigation.Lookup;
import dev.atelier.mcp.InputSchema;
import dev.atelier.mcp.ToolArguments;
import dev.atelier.mcp.ToolCall;
import java.util.Optional;

/** The {@code path}, {@code line} and {@code column} arguments of the lsp_* tools (1-based). */
record FilePosition(String path, int line, int column) {

  static InputSchema schema() {
    return InputSchema.object()
        .string("path", "repository-relative file", true)
        .integer("line", "1-based line, as editors show it (required)", 1, Integer.MAX_VALUE)
        .integer("column", "1-based column in characters (required)", 1, Integer.MAX_VALUE);
  }

  static FilePosition of(ToolCall call) {
    ToolArguments arguments = call.arguments();
    String path = RepoPaths.relative(call, arguments.string("path"));
    return new FilePosition(path, required(arguments, "line"), required(arguments, "column"));
  }

  private static int required(ToolArguments arguments, String name) {
    if (!arguments.has(name)) {
      throw ToolArguments.invalid(name + " is required (1-based)");
    }
    return arguments.integer(name, 1, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  /** The identifier at this position and where it is defined, if there is one. */
  Optional<Lookup> lookup(ToolCall call) {
    return call.core()
        .navigation()
        .definition(call.orgId(), call.branch().id(), path, line, column);
  }

  String anchor() {
    return path + ":" + line + ":" + column;
  }
}
