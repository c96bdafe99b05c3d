package dev.atelier.codeintel.internal.overview;

import dev.atelier.codeintel.RepositoryOverview.Anchor;
import dev.atelier.codeintel.RepositoryOverview.Command;
import dev.atelier.codeintel.RepositoryOverview.EntryPoint;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Build files at the root and one folder down (a monorepo's {@code web/package.json}): the commands
 * they imply for building and testing, the dependencies they declare, and the entry points {@code
 * package.json} names.
 */
final class BuildFiles {

  private static final Set<String> NAMES =
      Set.of(
          "pom.xml",
          "mvnw",
          "build.gradle",
          "build.gradle.kts",
          "gradlew",
          "package.json",
          "pnpm-lock.yaml",
          "yarn.lock",
          "package-lock.json",
          "go.mod",
          "Cargo.toml",
          "Makefile",
          "GNUmakefile",
          "makefile",
          "pyproject.toml",
          "setup.py",
          "setup.cfg",
          "tox.ini",
          "pytest.ini",
          "conftest.py",
          "requirements.txt",
          "requirements-dev.txt",
          "runtests.py",
          "CMakeLists.txt",
          "Gemfile",
          "make.bash",
          "all.bash",
          "run.bash");

  private static final Pattern MAKE_TARGET = Pattern.compile("(?m)^([A-Za-z][\\w.-]*)\\s*:(?!=)");
  private static final Pattern ARTIFACT =
      Pattern.compile("<artifactId>\\s*([^<\\s]+)\\s*</artifactId>");
  private static final Pattern GROUP = Pattern.compile("<groupId>\\s*([^<\\s]+)\\s*</groupId>");
  private static final Pattern GO_REQUIRE =
      Pattern.compile("(?m)^\\s*(?:require\\s+)?([\\w.-]+\\.[a-z]+/[\\w./-]+)\\s+v");
  private static final Pattern QUOTED_DEPENDENCY =
      Pattern.compile("[\"']([A-Za-z][\\w.-]*)\\s*(?:[<>=~!;\\[]|[\"'])");
  private static final Pattern REQUIREMENT = Pattern.compile("(?m)^([A-Za-z][\\w.-]*)");
  private static final Pattern GRADLE_DEPENDENCY =
      Pattern.compile("[\"']([\\w.-]+):([\\w.-]+)(?::[^\"']*)?[\"']");
  private static final Pattern CARGO_DEPENDENCY = Pattern.compile("(?m)^([a-zA-Z][\\w-]*)\\s*=");

  private final JsonMapper json = JsonMapper.builder().build();
  private final Inventory inventory;
  private final Map<String, String> texts;
  private final List<Command> commands = new ArrayList<>();
  private final Set<String> dependencies = new LinkedHashSet<>();
  private final Map<String, String> dependencySource = new java.util.HashMap<>();
  private final List<EntryPoint> entryPoints = new ArrayList<>();

  BuildFiles(Inventory inventory) {
    this.inventory = inventory;
    List<String> found =
        inventory.files().stream()
            .map(Inventory.FileInfo::path)
            .filter(p -> p.chars().filter(c -> c == '/').count() <= 1)
            .filter(p -> NAMES.contains(p.substring(p.lastIndexOf('/') + 1)))
            .sorted((a, b) -> Boolean.compare(a.contains("/"), b.contains("/")))
            .toList();
    this.texts =
        inventory.read(
            found.stream()
                .filter(p ->
                    !p.endsWith(".lock") && !p.endsWith("lock.json") && !p.endsWith("lock.yaml"))
                .toList());
    for (String folder : found.stream().map(BuildFiles::folderOf).distinct().toList()) {
      scan(folder);
    }
  }

  List<Command> commands() {
    return commands;
  }

  /** Declared dependency names (artifactIds, npm packages, Go modules, PyPI and crate names). */
  Set<String> dependencies() {
    return dependencies;
  }

  String sourceOf(String dependency) {
    return dependencySource.getOrDefault(dependency, "");
  }

  List<EntryPoint> entryPoints() {
    return entryPoints;
  }

  private static String folderOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  private boolean has(String folder, String name) {
    return inventory.has(at(folder, name));
  }

  private static String at(String folder, String name) {
    return folder.isEmpty() ? name : folder + "/" + name;
  }

  private String text(String folder, String name) {
    return texts.getOrDefault(at(folder, name), "");
  }

  private void command(String folder, String purpose, String command, String file) {
    String run = folder.isEmpty() ? command : "cd " + folder + " && " + command;
    commands.add(new Command(purpose, run, at(folder, file)));
  }

  private void declare(String dependency, String folder, String file) {
    if (dependencies.add(dependency)) {
      dependencySource.put(dependency, at(folder, file));
    }
  }

  private void scan(String folder) {
    if (has(folder, "pom.xml")) {
      String mvn = has(folder, "mvnw") ? "./mvnw" : "mvn";
      command(folder, "build", mvn + " -B package -DskipTests", "pom.xml");
      command(folder, "test", mvn + " -B test", "pom.xml");
      command(folder, "verify", mvn + " -B verify", "pom.xml");
      String pom = text(folder, "pom.xml");
      matchAll(ARTIFACT, pom).forEach(a -> declare(a, folder, "pom.xml"));
      matchAll(GROUP, pom).forEach(g -> declare(g, folder, "pom.xml"));
    }
    for (String gradle : List.of("build.gradle", "build.gradle.kts")) {
      if (has(folder, gradle)) {
        String run = has(folder, "gradlew") ? "./gradlew" : "gradle";
        command(folder, "build", run + " build", gradle);
        command(folder, "test", run + " test", gradle);
        Matcher m = GRADLE_DEPENDENCY.matcher(text(folder, gradle));
        while (m.find()) {
          declare(m.group(1), folder, gradle);
          declare(m.group(2), folder, gradle);
        }
      }
    }
    if (has(folder, "package.json")) {
      packageJson(folder);
    }
    if (has(folder, "go.mod")) {
      command(folder, "build", "go build ./...", "go.mod");
      command(folder, "test", "go test ./...", "go.mod");
      matchAll(GO_REQUIRE, text(folder, "go.mod")).forEach(d -> declare(d, folder, "go.mod"));
    }
    if (has(folder, "Cargo.toml")) {
      command(folder, "build", "cargo build", "Cargo.toml");
      command(folder, "test", "cargo test", "Cargo.toml");
      String cargo = text(folder, "Cargo.toml");
      int deps = cargo.indexOf("dependencies]");
      if (deps >= 0) {
        matchAll(CARGO_DEPENDENCY, cargo.substring(deps))
            .forEach(d -> declare(d, folder, "Cargo.toml"));
      }
    }
    python(folder);
    for (String makefile : List.of("Makefile", "GNUmakefile", "makefile")) {
      if (has(folder, makefile)) {
        Set<String> targets = new LinkedHashSet<>(matchAll(MAKE_TARGET, text(folder, makefile)));
        for (String target : List.of("build", "all", "test", "check", "lint")) {
          if (targets.contains(target)) {
            String purpose =
                target.equals("all") ? "build" : target.equals("check") ? "test" : target;
            command(folder, purpose, "make " + target, makefile);
          }
        }
        break;
      }
    }
    if (has(folder, "CMakeLists.txt")) {
      command(folder, "build", "cmake -S . -B build && cmake --build build", "CMakeLists.txt");
      command(folder, "test", "ctest --test-dir build", "CMakeLists.txt");
    }
    if (has(folder, "Gemfile")) {
      command(folder, "install", "bundle install", "Gemfile");
      boolean spec =
          inventory.files().stream().anyMatch(f -> f.path().startsWith(at(folder, "spec/")));
      command(folder, "test", spec ? "bundle exec rspec" : "bundle exec rake test", "Gemfile");
    }
    if (has(folder, "make.bash")) {
      command(folder, "build", "./make.bash", "make.bash");
    }
    if (has(folder, "all.bash")) {
      command(folder, "test", "./all.bash", "all.bash");
    } else if (has(folder, "run.bash")) {
      command(folder, "test", "./run.bash", "run.bash");
    }
  }

  private void packageJson(String folder) {
    JsonNode root;
    try {
      root = json.readTree(text(folder, "package.json"));
    } catch (RuntimeException e) {
      return;
    }
    if (root == null || !root.isObject()) {
      return;
    }
    String runner =
        has(folder, "pnpm-lock.yaml") ? "pnpm" : has(folder, "yarn.lock") ? "yarn" : "npm";
    command(
        folder,
        "install",
        runner.equals("npm") && has(folder, "package-lock.json") ? "npm ci" : runner + " install",
        "package.json");
    JsonNode scripts = root.path("scripts");
    for (String script : List.of("build", "test", "lint", "typecheck", "start", "dev")) {
      if (scripts.has(script)) {
        String purpose =
            switch (script) {
              case "build", "test", "lint" -> script;
              case "typecheck" -> "lint";
              default -> "run";
            };
        String run =
            script.equals("test") || script.equals("start")
                ? runner + " " + script
                : runner + " run " + script;
        command(folder, purpose, run, "package.json");
      }
    }
    for (String section : List.of("dependencies", "devDependencies", "peerDependencies")) {
      root.path(section).propertyNames().forEach(d -> declare(d, folder, "package.json"));
    }
    JsonNode bin = root.path("bin");
    if (bin.isString()) {
      entryPoints.add(
          new EntryPoint(
              "package.json bin",
              new Anchor(at(folder, bin.asString()), 0),
              root.path("name").asString("")));
    } else if (bin.isObject()) {
      for (String name : bin.propertyNames()) {
        entryPoints.add(
            new EntryPoint(
                "package.json bin", new Anchor(at(folder, bin.path(name).asString()), 0), name));
      }
    }
    if (root.path("main").isString()) {
      entryPoints.add(
          new EntryPoint(
              "package.json main",
              new Anchor(at(folder, root.path("main").asString()), 0),
              "module entry"));
    }
  }

  private void python(String folder) {
    String pyproject = text(folder, "pyproject.toml");
    String setupCfg = text(folder, "setup.cfg");
    String tox = text(folder, "tox.ini");
    boolean poetry = pyproject.contains("[tool.poetry");
    String prefix = poetry ? "poetry run " : "";
    if (poetry) {
      command(folder, "install", "poetry install", "pyproject.toml");
    } else if (has(folder, "pyproject.toml") || has(folder, "setup.py")) {
      command(
          folder,
          "install",
          "pip install -e .",
          has(folder, "pyproject.toml") ? "pyproject.toml" : "setup.py");
    }
    if (pyproject.contains("[build-system]")) {
      command(folder, "build", "python -m build", "pyproject.toml");
    }
    if (has(folder, "requirements.txt")) {
      command(folder, "install", "pip install -r requirements.txt", "requirements.txt");
      matchAll(REQUIREMENT, text(folder, "requirements.txt"))
          .forEach(d -> declare(d.toLowerCase(java.util.Locale.ROOT), folder, "requirements.txt"));
    }
    if (has(folder, "requirements-dev.txt")) {
      matchAll(REQUIREMENT, text(folder, "requirements-dev.txt"))
          .forEach(
              d -> declare(d.toLowerCase(java.util.Locale.ROOT), folder, "requirements-dev.txt"));
    }
    if (!pyproject.isEmpty()) {
      matchAll(QUOTED_DEPENDENCY, pyproject)
          .forEach(d -> declare(d.toLowerCase(java.util.Locale.ROOT), folder, "pyproject.toml"));
    }
    String pytestSource =
        has(folder, "pytest.ini")
            ? "pytest.ini"
            : pyproject.contains("[tool.pytest")
                ? "pyproject.toml"
                : setupCfg.contains("[tool:pytest]")
                    ? "setup.cfg"
                    : tox.contains("[pytest]")
                        ? "tox.ini"
                        : has(folder, "conftest.py") ? "conftest.py" : null;
    if (pytestSource != null) {
      command(folder, "test", prefix + "pytest", pytestSource);
      declare("pytest", folder, pytestSource);
    }
    if (has(folder, "tox.ini")) {
      command(folder, "test", "tox", "tox.ini");
    }
    if (has(folder, "runtests.py")) {
      command(folder, "test", "python runtests.py", "runtests.py");
    }
  }

  private static List<String> matchAll(Pattern pattern, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
