package dev.atelier.codeintel.internal.manifests;

import dev.atelier.codeintel.ProjectDependencies.Declared;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Line-oriented manifests: build.gradle(.kts), go.mod, requirements*.txt and Gemfile. */
final class TextManifests {

  private static final Pattern GRADLE_STRING =
      Pattern.compile(
          "^\\s*([A-Za-z]+)\\s*\\(?\\s*(?:platform\\s*\\(\\s*)?[\"']([^\"':\\s]+):([^\"':\\s]+)"
              + "(?::([^\"'\\s@]+))?[^\"']*[\"']");
  private static final Pattern GRADLE_MAP =
      Pattern.compile(
          "^\\s*([A-Za-z]+)\\s*\\(?\\s*group\\s*[:=]\\s*[\"']([^\"']+)[\"']\\s*,\\s*name\\s*[:=]\\s*"
              + "[\"']([^\"']+)[\"'](?:\\s*,\\s*version\\s*[:=]\\s*[\"']([^\"']+)[\"'])?");
  private static final Pattern GO_REQUIRE =
      Pattern.compile("^\\s*(?:require\\s+)?([^\\s()]+)\\s+(v[^\\s]+)(\\s*//\\s*indirect)?");
  private static final Pattern REQUIREMENT =
      Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)\\s*(?:\\[[^]]*])?\\s*([^;#]*)");
  private static final Pattern GEM =
      Pattern.compile(
          "^\\s*gem\\s*\\(?\\s*[\"']([^\"']+)[\"']((?:\\s*,\\s*[\"'][^\"']*[\"'])*)(.*)");
  private static final Pattern GEM_GROUP = Pattern.compile("^\\s*group\\s+(.+?)\\s+do\\b");
  private static final Pattern QUOTED = Pattern.compile("[\"']([^\"']*)[\"']");

  private TextManifests() {}

  static List<Declared> gradle(String path, String text) {
    List<Declared> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = GRADLE_STRING.matcher(lines[i]);
      if (!m.find()) {
        m = GRADLE_MAP.matcher(lines[i]);
        if (!m.find()) {
          continue;
        }
      }
      String configuration = m.group(1);
      String scope = gradleScope(configuration);
      if (scope == null) {
        continue;
      }
      out.add(new Declared("maven", m.group(2) + ":" + m.group(3), m.group(4), scope, path, i + 1));
    }
    return out;
  }

  private static @Nullable String gradleScope(String configuration) {
    String c = configuration.toLowerCase(Locale.ROOT);
    if (c.startsWith("test") || c.startsWith("androidtest")) {
      return "test";
    }
    if (c.equals("compileonly")
        || c.equals("annotationprocessor")
        || c.equals("kapt")
        || c.equals("ksp")) {
      return "provided";
    }
    if (c.equals("implementation")
        || c.equals("api")
        || c.equals("runtimeonly")
        || c.equals("compile")
        || c.equals("runtime")
        || c.endsWith("implementation")) {
      return "runtime";
    }
    return null;
  }

  static List<Declared> goMod(String path, String text) {
    List<Declared> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    boolean inRequire = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.startsWith("require (") || line.equals("require(")) {
        inRequire = true;
        continue;
      }
      if (inRequire && line.startsWith(")")) {
        inRequire = false;
        continue;
      }
      if (!inRequire && !line.startsWith("require ")) {
        continue;
      }
      Matcher m = GO_REQUIRE.matcher(line);
      if (m.find() && !m.group(1).startsWith("//")) {
        out.add(
            new Declared(
                "go",
                m.group(1),
                m.group(2),
                m.group(3) != null ? "indirect" : "runtime",
                path,
                i + 1));
      }
    }
    return out;
  }

  static List<Declared> requirements(String path, String text) {
    String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    String scope = name.contains("test") ? "test" : name.contains("dev") ? "dev" : "runtime";
    List<Declared> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("-") || line.contains("://")) {
        continue;
      }
      Requirement r = Requirement.parse(line);
      if (r != null) {
        out.add(new Declared("pypi", r.name(), r.version(), scope, path, i + 1));
      }
    }
    return out;
  }

  /** A PEP 508 requirement reduced to its name and version constraint. */
  record Requirement(String name, @Nullable String version) {
    static @Nullable Requirement parse(String spec) {
      Matcher m = REQUIREMENT.matcher(spec);
      if (!m.find()) {
        return null;
      }
      String version = m.group(2).strip();
      return new Requirement(m.group(1), version.isEmpty() ? null : version);
    }
  }

  static List<Declared> gemfile(String path, String text) {
    List<Declared> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    @Nullable String group = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Matcher g = GEM_GROUP.matcher(line);
      if (g.find()) {
        group = gemScope(g.group(1));
        continue;
      }
      if (group != null && line.strip().equals("end")) {
        group = null;
        continue;
      }
      Matcher m = GEM.matcher(line);
      if (!m.find()) {
        continue;
      }
      List<String> versions = new ArrayList<>();
      Matcher q = QUOTED.matcher(m.group(2));
      while (q.find()) {
        versions.add(q.group(1));
      }
      @Nullable String scope = group;
      String rest = m.group(3);
      int inline = rest.indexOf("group:");
      if (inline >= 0) {
        scope = gemScope(rest.substring(inline + 6));
      }
      out.add(
          new Declared(
              "rubygems",
              m.group(1),
              versions.isEmpty() ? null : String.join(", ", versions),
              scope == null ? "runtime" : scope,
              path,
              i + 1));
    }
    return out;
  }

  private static String gemScope(String groups) {
    String g = groups.toLowerCase(Locale.ROOT);
    return g.contains("test") ? "test" : g.contains("development") ? "dev" : "runtime";
  }
}
