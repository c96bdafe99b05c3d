package dev.atelier.codeintel.internal.resolve;

import dev.atelier.codeintel.Language;
import dev.atelier.codeintel.RefKind;
import dev.atelier.codeintel.SymbolKind;
import dev.atelier.codeintel.internal.resolve.FileFacts.Imp;
import dev.atelier.codeintel.internal.resolve.FileFacts.Ref;
import dev.atelier.codeintel.internal.resolve.FileFacts.Sym;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Hand-built file facts for the resolver's in-memory tests. */
final class Facts {

  private final String path;
  private final Language language;
  private String packageName = "";
  private final List<Sym> symbols = new ArrayList<>();
  private final List<Imp> imports = new ArrayList<>();
  private final List<Ref> refs = new ArrayList<>();

  private Facts(String path) {
    this.path = path;
    this.language = Language.ofPath(path);
  }

  static Facts file(String path) {
    return new Facts(path);
  }

  Facts pkg(String name) {
    this.packageName = name;
    return this;
  }

  /** A symbol; parent is the ordinal of the enclosing symbol or -1. */
  Facts sym(String name, SymbolKind kind, int parent) {
    String container = parent < 0 ? null : symbols.get(parent).qualifiedName();
    String prefix = container != null ? container : packageName;
    String qualified = prefix.isEmpty() ? name : prefix + "." + name;
    symbols.add(new Sym(name, kind, container, qualified, parent));
    return this;
  }

  Facts imp(String target) {
    return imp(target, null);
  }

  Facts imp(String target, @Nullable String alias) {
    imports.add(new Imp(target, alias));
    return this;
  }

  Facts call(String name, int enclosing) {
    return ref(name, RefKind.CALL, null, enclosing);
  }

  Facts ref(String name, RefKind kind, @Nullable String qualifier, int enclosing) {
    refs.add(new Ref(name, kind, qualifier, enclosing));
    return this;
  }

  FileFacts build() {
    return new FileFacts(path, language, packageName, symbols, imports, refs);
  }

  static ResolutionCore core(Facts... files) {
    return core(Map.of(), files);
  }

  static ResolutionCore core(Map<String, String> goModules, Facts... files) {
    return new ResolutionCore(built(files), goModules);
  }

  /** A core for a repository whose folder is named {@code rootName}. */
  static ResolutionCore coreIn(String rootName, Facts... files) {
    return new ResolutionCore(built(files), Map.of(), rootName);
  }

  private static List<FileFacts> built(Facts... files) {
    List<FileFacts> built = new ArrayList<>();
    for (Facts f : files) {
      built.add(f.build());
    }
    built.sort(java.util.Comparator.comparing(FileFacts::path));
    return built;
  }

  /** Where the file's import leads, as paths or "external:name" or "unresolved". */
  static List<String> imports(ResolutionCore core, String path, int ordinal) {
    return described(core, core.imports(core.fileOf(path)).get(ordinal).targets());
  }

  /** The file's import as a stored dependency, described like {@link #imports}. */
  static List<String> dependencies(ResolutionCore core, String path, int ordinal) {
    return described(core, core.dependencies(core.fileOf(path)).get(ordinal));
  }

  private static List<String> described(ResolutionCore core, List<Dependency> dependencies) {
    List<String> out = new ArrayList<>();
    for (Dependency d : dependencies) {
      out.add(
          switch (d.kind()) {
            case FILE -> core.file(d.toFile()).path();
            case EXTERNAL -> "external:" + d.externalPackage();
            case UNRESOLVED -> "unresolved";
          });
    }
    return out;
  }

  /** Where the file's reference resolves, as "path#ordinal@confidence". */
  static List<String> targets(ResolutionCore core, String path, int ordinal) {
    List<String> out = new ArrayList<>();
    for (Target t : core.resolve(core.fileOf(path), ordinal)) {
      out.add(core.file(t.file()).path() + "#" + t.symbol() + "@" + t.confidence());
    }
    return out;
  }
}
