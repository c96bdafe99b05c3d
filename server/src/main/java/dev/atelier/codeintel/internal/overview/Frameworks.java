package dev.atelier.codeintel.internal.overview;

import dev.atelier.codeintel.RepositoryOverview.Framework;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Frameworks from what the code imports (counted in files) and what build files declare. */
final class Frameworks {

  private Frameworks() {}

  static List<Framework> detect(Inventory inventory, BuildFiles build) {
    Map<String, int[]> files = new LinkedHashMap<>();
    Map<String, String> evidence = new LinkedHashMap<>();
    for (Inventory.ExternalImport external : inventory.externalImports()) {
      FrameworkCatalog.of(external.name())
          .ifPresent(name -> {
            files.computeIfAbsent(name, k -> new int[1])[0] += external.files();
            evidence.putIfAbsent(name, external.example());
          });
    }
    for (String dependency : build.dependencies()) {
      FrameworkCatalog.of(dependency)
          .ifPresent(name -> {
            files.computeIfAbsent(name, k -> new int[1]);
            evidence.putIfAbsent(name, build.sourceOf(dependency));
          });
    }
    List<Framework> out = new ArrayList<>();
    files.forEach(
        (name, count) -> out.add(new Framework(name, count[0], evidence.getOrDefault(name, ""))));
    // JUnit 4 imports in a JUnit 5 code base come from the vintage engine: name both
    out.sort(Comparator.comparingInt(Framework::files).reversed().thenComparing(Framework::name));
    return out;
  }
}
