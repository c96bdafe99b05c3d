package dev.atelier.codeintel.internal.overview;

import dev.atelier.codeintel.Language;
import dev.atelier.codeintel.RepositoryOverview.Anchor;
import dev.atelier.codeintel.RepositoryOverview.EntryPoint;
import dev.atelier.codeintel.RepositoryOverview.FolderSize;
import dev.atelier.codeintel.RepositoryOverview.LanguageShare;
import dev.atelier.codeintel.RepositoryOverview.ProjectSummary;
import dev.atelier.codeintel.SymbolKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The project summary of a branch, from its inventory and build files. */
public final class Summarizer {

  private static final int TOP_FOLDERS = 12;
  private static final int ENTRY_POINTS = 15;

  private final Inventory inventory;

  public Summarizer(Inventory inventory) {
    this.inventory = inventory;
  }

  public ProjectSummary summary() {
    BuildFiles build = new BuildFiles(inventory);
    long bytes = 0;
    long lines = 0;
    for (Inventory.FileInfo file : inventory.files()) {
      bytes += file.bytes();
      lines += codeLines(file);
    }
    return new ProjectSummary(
        inventory.files().size(),
        bytes,
        lines,
        languages(inventory),
        topFolders(inventory, TOP_FOLDERS),
        entryPoints(build),
        Frameworks.detect(inventory, build),
        build.commands());
  }

  static List<LanguageShare> languages(Inventory inventory) {
    Map<Language, long[]> totals = new LinkedHashMap<>();
    for (Inventory.FileInfo file : inventory.files()) {
      if (file.language() == Language.TEXT) {
        continue;
      }
      long[] t = totals.computeIfAbsent(file.language(), k -> new long[3]);
      t[0]++;
      t[1] += file.lines();
      t[2] += file.bytes();
    }
    List<LanguageShare> out = new ArrayList<>();
    totals.forEach(
        (language, t) -> out.add(new LanguageShare(language.id(), (int) t[0], t[1], t[2])));
    out.sort(
        Comparator.comparingLong(LanguageShare::lines)
            .reversed()
            .thenComparing(LanguageShare::language));
    return out;
  }

  /** Top-level folders by code lines (files for ties), the root's own files as {@code .}. */
  static List<FolderSize> topFolders(Inventory inventory, int limit) {
    Map<String, long[]> totals = new LinkedHashMap<>();
    for (Inventory.FileInfo file : inventory.files()) {
      int slash = file.path().indexOf('/');
      String top = slash < 0 ? "." : file.path().substring(0, slash);
      long[] t = totals.computeIfAbsent(top, k -> new long[2]);
      t[0]++;
      t[1] += codeLines(file);
    }
    List<FolderSize> out = new ArrayList<>();
    totals.forEach((path, t) -> out.add(new FolderSize(path, (int) t[0], t[1])));
    out.sort(
        Comparator.comparingLong(FolderSize::lines)
            .thenComparingInt(FolderSize::files)
            .reversed()
            .thenComparing(FolderSize::path));
    return out.subList(0, Math.min(limit, out.size()));
  }

  private List<EntryPoint> entryPoints(BuildFiles build) {
    List<EntryPoint> out = new ArrayList<>(build.entryPoints());
    for (Inventory.FileInfo file : inventory.files()) {
      String path = file.path();
      String name = file.name();
      if (name.equals("__main__.py")) {
        String module =
            file.folder().isEmpty() ? "<this package>" : file.folder().replace('/', '.');
        out.add(new EntryPoint("python -m", new Anchor(path, 0), "python -m " + module));
      } else if (depth(path) <= 1
          && (name.equals("manage.py") || name.equals("main.py") || name.equals("app.py"))) {
        out.add(new EntryPoint("script", new Anchor(path, 0), "python " + path));
      } else if (path.matches("(.*/)?cmd/[^/]+/main\\.go")) {
        out.add(new EntryPoint("go command", new Anchor(path, 0), "go run ./" + file.folder()));
      } else if (path.equals("src/main.rs") || path.matches("src/bin/[^/]+\\.rs")) {
        out.add(new EntryPoint("rust binary", new Anchor(path, 0), "cargo run"));
      }
    }
    List<Inventory.Definition> mains =
        inventory.definitionsNamed("main").stream()
            .filter(d -> d.kind() == SymbolKind.FUNCTION || d.kind() == SymbolKind.METHOD)
            .filter(d -> !inventory.isTest(d.path()))
            .sorted(
                Comparator.comparingInt((Inventory.Definition d) -> depth(d.path()))
                    .thenComparing(Inventory.Definition::path))
            .toList();
    for (Inventory.Definition main : mains) {
      out.add(
          new EntryPoint("main " + main.kind().id(), new Anchor(main.path(), main.line()), "main"));
    }
    return out.subList(0, Math.min(ENTRY_POINTS, out.size()));
  }

  /** Lines of code: those of files in a language the indexer parses (not docs, not data). */
  static long codeLines(Inventory.FileInfo file) {
    return file.language() == Language.TEXT ? 0 : file.lines();
  }

  private static int depth(String path) {
    return (int) path.chars().filter(c -> c == '/').count();
  }
}
