package dev.atelier.codeintel.internal.manifests;

import dev.atelier.codeintel.ProjectDependencies.Declared;
import dev.atelier.codeintel.ProjectDependencies.Dependency;
import dev.atelier.codeintel.ProjectDependencies.Report;
import dev.atelier.platform.DatabaseVendor;
import dev.atelier.platform.Sql;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Matches declared packages to the external packages the branch's files import, per ecosystem:
 * Maven groupIds as Java package prefixes, Go module paths as import-path prefixes, npm and Cargo
 * names exactly, PyPI distribution names to their import names, Composer vendors to PHP namespaces,
 * NuGet ids to C# namespaces.
 */
public final class DependencyUsage {

  /** Distributions whose import name differs from the project name. */
  private static final Map<String, String> PYTHON_IMPORTS =
      Map.ofEntries(
          Map.entry("beautifulsoup4", "bs4"),
          Map.entry("pyyaml", "yaml"),
          Map.entry("pillow", "PIL"),
          Map.entry("scikit-learn", "sklearn"),
          Map.entry("python-dateutil", "dateutil"),
          Map.entry("opencv-python", "cv2"),
          Map.entry("psycopg2-binary", "psycopg2"),
          Map.entry("protobuf", "google"),
          Map.entry("pyjwt", "jwt"),
          Map.entry("python-dotenv", "dotenv"),
          Map.entry("attrs", "attr"),
          Map.entry("djangorestframework", "rest_framework"));

  private static final Map<String, Set<String>> LANGUAGES =
      Map.of(
          "maven", Set.of("java", "kotlin"),
          "npm", Set.of("javascript", "typescript", "tsx"),
          "go", Set.of("go"),
          "pypi", Set.of("python"),
          "cargo", Set.of("rust"),
          "rubygems", Set.of("ruby"),
          "composer", Set.of("php"),
          "nuget", Set.of("csharp"));

  private final Sql sql;

  public DependencyUsage(DataSource dataSource, DatabaseVendor vendor) {
    this.sql = new Sql(dataSource, vendor);
  }

  public Report match(
      long orgId,
      long branchId,
      List<Declared> declared,
      List<String> manifests,
      List<String> problems) {
    // language -> imported package -> files
    Map<String, Map<String, Set<String>>> imported = new TreeMap<>();
    sql.jdbc()
        .sql(
            "SELECT d.external_package, f.path, p.language FROM file_dependencies d"
                + " JOIN branch_files f ON f.org_id = d.org_id AND f.branch_id = d.branch_id"
                + " AND f.file_id = d.from_file"
                + " JOIN blob_parses p ON p.org_id = f.org_id AND p.blob_id = f.blob_id"
                + " WHERE d.org_id = ? AND d.branch_id = ? AND d.kind = 'external'")
        .params(orgId, branchId)
        .query(row -> {
          imported
              .computeIfAbsent(row.getString(3), k -> new TreeMap<>())
              .computeIfAbsent(row.getString(1), k -> new TreeSet<>())
              .add(row.getString(2));
        });
    Set<String> claimed = new HashSet<>();
    Map<Declared, Set<String>> packages = new LinkedHashMap<>();
    // exact matches first; Maven's looser groupId-parent match only takes what they left
    for (boolean loose : new boolean[] {false, true}) {
      for (Declared d : declared) {
        Set<String> mine = packages.computeIfAbsent(d, k -> new TreeSet<>());
        for (String language : LANGUAGES.getOrDefault(d.ecosystem(), Set.of())) {
          for (String pkg : imported.getOrDefault(language, Map.of()).keySet()) {
            String key = language + " " + pkg;
            if ((!loose || !claimed.contains(key)) && matches(d, pkg, loose)) {
              mine.add(pkg);
              if (!loose) {
                claimed.add(key);
              }
            }
          }
        }
      }
      declared.forEach(
          d -> packages.getOrDefault(d, Set.of()).forEach(pkg -> claimed.addAll(keys(d, pkg))));
    }
    List<Dependency> out = new ArrayList<>();
    Map<String, Set<String>> folders = new TreeMap<>();
    declared.forEach(d ->
        folders.computeIfAbsent(d.ecosystem(), k -> new TreeSet<>()).add(folder(d.manifest())));
    for (Declared d : declared) {
      // a manifest declares for the files in its folder and below, unless a nearer manifest of
      // the same ecosystem owns them (monorepos nest manifests)
      String folder = folder(d.manifest());
      Set<String> nested =
          folders.getOrDefault(d.ecosystem(), Set.of()).stream()
              .filter(f -> f.length() > folder.length() && f.startsWith(folder))
              .collect(java.util.stream.Collectors.toSet());
      Set<String> files = new TreeSet<>();
      Set<String> used = new TreeSet<>();
      for (String pkg : packages.getOrDefault(d, Set.of())) {
        for (String language : LANGUAGES.getOrDefault(d.ecosystem(), Set.of())) {
          for (String file :
              imported.getOrDefault(language, Map.of()).getOrDefault(pkg, Set.of())) {
            if (file.startsWith(folder) && nested.stream().noneMatch(file::startsWith)) {
              files.add(file);
              used.add(pkg);
            }
          }
        }
      }
      out.add(new Dependency(d, List.copyOf(used), List.copyOf(files)));
    }
    Map<String, Integer> undeclared = new TreeMap<>();
    imported.forEach((language, byPackage) ->
        byPackage.forEach((pkg, files) -> {
          if (!claimed.contains(language + " " + pkg)) {
            undeclared.merge(pkg, files.size(), Integer::sum);
          }
        }));
    return new Report(out, manifests, problems, undeclared);
  }

  private static String folder(String manifest) {
    int slash = manifest.lastIndexOf('/');
    return slash < 0 ? "" : manifest.substring(0, slash + 1);
  }

  private static List<String> keys(Declared d, String pkg) {
    return LANGUAGES.getOrDefault(d.ecosystem(), Set.of()).stream()
        .map(language -> language + " " + pkg)
        .toList();
  }

  static boolean matches(Declared d, String pkg, boolean loose) {
    String name = d.name();
    return switch (d.ecosystem()) {
      case "maven" -> {
        String group = name.substring(0, name.indexOf(':'));
        if (!loose) {
          yield prefix(pkg, group, '.');
        }
        int dot = group.lastIndexOf('.');
        // com.google.guava -> com.google.common: the groupId's parent, when it is specific enough
        yield dot > 0 && group.indexOf('.') < dot && prefix(pkg, group.substring(0, dot), '.');
      }
      case "go" -> !loose && prefix(pkg, name, '/');
      case "npm" -> !loose && pkg.equals(name);
      case "cargo" -> !loose && pkg.equals(name.replace('-', '_'));
      case "rubygems" ->
          !loose
              && (pkg.equals(name) || pkg.equals(name.replace('-', '/')) || prefix(pkg, name, '/'));
      case "pypi" -> !loose && python(name).equals(pkg.toLowerCase(Locale.ROOT));
      case "composer" -> {
        String[] parts = name.toLowerCase(Locale.ROOT).split("/");
        String namespace = pkg.split("\\\\")[0].toLowerCase(Locale.ROOT);
        yield !loose
            && (simplify(parts[0]).equals(namespace)
                || (parts.length > 1 && simplify(parts[1]).equals(namespace)));
      }
      case "nuget" ->
          !loose && prefix(pkg.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT), '.');
      default -> false;
    };
  }

  private static String python(String distribution) {
    String lower = distribution.toLowerCase(Locale.ROOT);
    String known = PYTHON_IMPORTS.get(lower);
    return (known != null ? known : lower.replace('-', '_').replace('.', '_'))
        .toLowerCase(Locale.ROOT);
  }

  private static String simplify(String name) {
    return name.replace("-", "").replace("_", "");
  }

  private static boolean prefix(String pkg, String prefix, char separator) {
    return pkg.equals(prefix)
        || (pkg.startsWith(prefix) && pkg.charAt(prefix.length()) == separator);
  }
}
