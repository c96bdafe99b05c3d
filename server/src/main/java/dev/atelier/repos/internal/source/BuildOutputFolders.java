package dev.atelier.repos.internal.source;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Skipped folder names that are build output only beside a build file: {@code dist/} next to a
 * {@code package.json} is a bundle, but Go's {@code go/build} and {@code cmd/dist} are source.
 */
public final class BuildOutputFolders {

  private static final Set<String> NAMES = Set.of("dist", "build", "target", "out", "coverage");

  private static final List<String> BUILD_FILES =
      List.of(
          "package.json",
          "pom.xml",
          "build.gradle",
          "build.gradle.kts",
          "settings.gradle",
          "settings.gradle.kts",
          "build.xml",
          "build.sbt",
          "Cargo.toml",
          "go.mod",
          "CMakeLists.txt",
          "Makefile",
          "meson.build",
          "setup.py",
          "pyproject.toml",
          "tsconfig.json",
          "composer.json",
          "Gemfile",
          "mix.exs");

  private BuildOutputFolders() {}

  /**
   * Whether a folder whose name is on the skip list is source after all: an output-like name in a
   * folder without a build file ({@code parentHas} tells whether the parent folder has a file).
   */
  public static boolean isSource(String name, Predicate<String> parentHas) {
    if (!NAMES.contains(name)) {
      return false;
    }
    for (String file : BUILD_FILES) {
      if (parentHas.test(file)) {
        return false;
      }
    }
    return true;
  }
}
