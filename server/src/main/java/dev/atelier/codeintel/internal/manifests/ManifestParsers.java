package dev.atelier.codeintel.internal.manifests;

import dev.atelier.codeintel.ProjectDependencies.Declared;
import java.util.List;
import java.util.Locale;

/** Picks the parser for a manifest by its file name. */
public final class ManifestParsers {

  private ManifestParsers() {}

  /** Whether the path names a build manifest (outside vendored and installed trees). */
  public static boolean isManifest(String path) {
    if (path.contains("node_modules/") || path.startsWith("vendor/") || path.contains("/vendor/")) {
      return false;
    }
    String name = name(path);
    return switch (name) {
      case "pom.xml",
          "build.gradle",
          "build.gradle.kts",
          "package.json",
          "go.mod",
          "pyproject.toml",
          "Cargo.toml",
          "Gemfile",
          "composer.json" ->
          true;
      default -> name.endsWith(".csproj") || requirements(name);
    };
  }

  /**
   * The declarations of one manifest.
   *
   * @throws IllegalArgumentException when the manifest cannot be read (malformed XML or JSON)
   */
  public static List<Declared> parse(String path, String text) {
    String name = name(path);
    return switch (name) {
      case "pom.xml" -> XmlManifests.maven(path, text);
      case "build.gradle", "build.gradle.kts" -> TextManifests.gradle(path, text);
      case "package.json" -> JsonManifests.npm(path, text);
      case "composer.json" -> JsonManifests.composer(path, text);
      case "go.mod" -> TextManifests.goMod(path, text);
      case "pyproject.toml" -> TomlManifests.pyproject(path, text);
      case "Cargo.toml" -> TomlManifests.cargo(path, text);
      case "Gemfile" -> TextManifests.gemfile(path, text);
      default -> {
        if (name.endsWith(".csproj")) {
          yield XmlManifests.nuget(path, text);
        }
        if (requirements(name)) {
          yield TextManifests.requirements(path, text);
        }
        yield List.of();
      }
    };
  }

  private static boolean requirements(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.startsWith("requirements") && lower.endsWith(".txt");
  }

  private static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** The 1-based line of the first occurrence of {@code needle} at or after {@code from}. */
  static int lineOf(String text, String needle, int fallback) {
    int at = text.indexOf(needle);
    if (at < 0) {
      return fallback;
    }
    int line = 1;
    for (int i = 0; i < at; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
