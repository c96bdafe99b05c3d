package dev.atelier.codeintel;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.internal.content.BranchContent;
import dev.atelier.codeintel.internal.manifests.DependencyUsage;
import dev.atelier.codeintel.internal.manifests.ManifestParsers;
import dev.atelier.platform.Database;
import dev.atelier.repos.BranchId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The external packages a branch declares in its build manifests (pom.xml, build.gradle(.kts),
 * package.json, go.mod, pyproject.toml, requirements*.txt, Cargo.toml, Gemfile, composer.json,
 * *.csproj), and the files whose imports use each of them.
 */
public final class ProjectDependencies {

  /**
   * A package a manifest declares.
   *
   * @param ecosystem {@code maven}, {@code npm}, {@code go}, {@code pypi}, {@code cargo}, {@code
   *     rubygems}, {@code composer} or {@code nuget}
   * @param name as the manifest spells it ({@code com.google.guava:guava}, {@code react})
   * @param version the version or constraint, or null when none is written
   * @param scope {@code runtime}, {@code dev}, {@code test}, {@code provided}, {@code optional},
   *     {@code peer}, {@code indirect}, {@code build} or {@code managed}
   * @param manifest the manifest's path
   * @param line 1-based line of the declaration
   */
  public record Declared(
      String ecosystem,
      String name,
      @Nullable String version,
      String scope,
      String manifest,
      int line) {}

  /**
   * A declared package and where it is used.
   *
   * @param imports the imported package names that matched it
   * @param usedBy files importing it, in path order
   */
  public record Dependency(Declared declared, List<String> imports, List<String> usedBy) {}

  /**
   * What the manifests declare.
   *
   * @param manifests the manifests read
   * @param problems manifests that could not be read, with why
   * @param undeclared imported external packages no declaration matched, with how many files use
   *     each (standard libraries show up here too)
   */
  public record Report(
      List<Dependency> dependencies,
      List<String> manifests,
      List<String> problems,
      Map<String, Integer> undeclared) {}

  private final BranchContent content;
  private final DependencyUsage usage;

  public ProjectDependencies(Database database) {
    requireNonNull(database, "database is null");
    this.content = new BranchContent(database.dataSource(), database.vendor());
    this.usage = new DependencyUsage(database.dataSource(), database.vendor());
  }

  public Report list(long orgId, BranchId branch) {
    List<String> manifests =
        content.paths(orgId, branch.value()).stream().filter(ManifestParsers::isManifest).toList();
    List<Declared> declared = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (String path : manifests) {
      content
          .file(orgId, branch.value(), path)
          .ifPresent(file -> {
            String text = file.text();
            if (text == null) {
              problems.add(path + ": binary or too large");
              return;
            }
            try {
              declared.addAll(ManifestParsers.parse(path, text));
            } catch (IllegalArgumentException e) {
              problems.add(path + ": " + e.getMessage());
            }
          });
    }
    return usage.match(orgId, branch.value(), declared, manifests, problems);
  }
}
