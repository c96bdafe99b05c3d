package dev.atelier.codeintel.internal.manifests;

import dev.atelier.codeintel.ProjectDependencies.Declared;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * pyproject.toml and Cargo.toml with a small line parser: tables, {@code key = "value"}, {@code key
 * = { version = "..." }} and string arrays spanning lines; enough for dependency tables, not TOML.
 */
final class TomlManifests {

  private static final Pattern TABLE = Pattern.compile("^\\[\\s*([^\\[\\]]+?)\\s*]\\s*(#.*)?$");
  private static final Pattern KEY_VALUE = Pattern.compile("^([A-Za-z0-9_.\"'-]+)\\s*=\\s*(.*)$");
  private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'");
  private static final Pattern INLINE_VERSION =
      Pattern.compile("\\bversion\\s*=\\s*[\"']([^\"']*)[\"']");

  private TomlManifests() {}

  static List<Declared> pyproject(String path, String text) {
    List<Declared> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    String table = "";
    for (int i = 0; i < lines.length; i++) {
      String line = stripComment(lines[i]).strip();
      Matcher t = TABLE.matcher(line);
      if (t.matches()) {
        table = t.group(1).replace("\"", "").replace("'", "");
        continue;
      }
      Matcher kv = KEY_VALUE.matcher(line);
      if (!kv.matches()) {
        continue;
      }
      String key = unquote(kv.group(1));
      String value = kv.group(2);
      if (table.equals("project") && key.equals("dependencies")) {
        i = requirementArray(path, lines, i, value, "runtime", out);
      } else if (table.equals("project.optional-dependencies")
          || table.equals("dependency-groups")) {
        i = requirementArray(path, lines, i, value, groupScope(key), out);
      } else if (table.equals("tool.poetry.dependencies")
          || table.equals("tool.poetry.dev-dependencies")
          || (table.startsWith("tool.poetry.group.") && table.endsWith(".dependencies"))) {
        if (key.equals("python")) {
          continue;
        }
        String scope =
            table.equals("tool.poetry.dependencies")
                ? "runtime"
                : table.equals("tool.poetry.dev-dependencies")
                    ? "dev"
                    : groupScope(table.substring(18, table.length() - 13));
        out.add(new Declared("pypi", key, version(value), scope, path, i + 1));
      }
    }
    return out;
  }

  /** Reads a string array of requirements starting on line {@code i}; returns its last line. */
  private static int requirementArray(
      String path, String[] lines, int i, String value, String scope, List<Declared> out) {
    int line = i;
    String current = value;
    while (true) {
      Matcher s = STRING.matcher(current);
      while (s.find()) {
        String spec = s.group(1) != null ? s.group(1) : s.group(2);
        TextManifests.Requirement r = TextManifests.Requirement.parse(spec);
        if (r != null) {
          out.add(new Declared("pypi", r.name(), r.version(), scope, path, line + 1));
        }
      }
      if (current.contains("]") || line + 1 >= lines.length) {
        return line;
      }
      line++;
      current = stripComment(lines[line]);
    }
  }

  static List<Declared> cargo(String path, String text) {
    List<Declared> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    String table = "";
    @Nullable String crateTable = null;
    int crateLine = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = stripComment(lines[i]).strip();
      Matcher t = TABLE.matcher(line);
      if (t.matches()) {
        table = t.group(1);
        crateTable = null;
        // [dependencies.serde]: the crate's keys follow on their own lines
        for (String kind : List.of("dependencies.", "dev-dependencies.", "build-dependencies.")) {
          int at = table.indexOf(kind);
          if (at >= 0 && (at == 0 || table.charAt(at - 1) == '.')) {
            crateTable = table.substring(at + kind.length());
            crateLine = i + 1;
            out.add(
                new Declared("cargo", unquote(crateTable), null, cargoScope(table), path, i + 1));
          }
        }
        continue;
      }
      Matcher kv = KEY_VALUE.matcher(line);
      if (!kv.matches()) {
        continue;
      }
      String key = unquote(kv.group(1));
      if (crateTable != null) {
        if (key.equals("version")) {
          Declared last = out.removeLast();
          out.add(
              new Declared(
                  "cargo", last.name(), version(kv.group(2)), last.scope(), path, crateLine));
        }
        continue;
      }
      if (table.equals("dependencies")
          || table.endsWith(".dependencies")
          || table.endsWith("dev-dependencies")
          || table.endsWith("build-dependencies")) {
        out.add(new Declared("cargo", key, version(kv.group(2)), cargoScope(table), path, i + 1));
      }
    }
    return out;
  }

  private static String cargoScope(String table) {
    return table.contains("dev-dependencies")
        ? "dev"
        : table.contains("build-dependencies") ? "build" : "runtime";
  }

  private static String groupScope(String group) {
    String g = group.toLowerCase(Locale.ROOT);
    return g.contains("test")
        ? "test"
        : g.contains("dev") || g.contains("lint") ? "dev" : "optional";
  }

  private static @Nullable String version(String value) {
    String v = value.strip();
    if (v.startsWith("{")) {
      Matcher m = INLINE_VERSION.matcher(v);
      return m.find() ? m.group(1) : null;
    }
    Matcher m = STRING.matcher(v);
    if (m.find()) {
      return m.group(1) != null ? m.group(1) : m.group(2);
    }
    return null;
  }

  private static String unquote(String key) {
    return key.replace("\"", "").replace("'", "");
  }

  /** The line up to a {@code #} that is outside a string. */
  private static String stripComment(String line) {
    boolean inDouble = false;
    boolean inSingle = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"' && !inSingle) {
        inDouble = !inDouble;
      } else if (c == '\'' && !inDouble) {
        inSingle = !inSingle;
      } else if (c == '#' && !inDouble && !inSingle) {
        return line.substring(0, i);
      }
    }
    return line;
  }
}
