package dev.atelier.codeintel.internal.resolve;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.Language;
import dev.atelier.codeintel.RefKind;
import dev.atelier.codeintel.ReferenceConfidence;
import dev.atelier.codeintel.SymbolKind;
import dev.atelier.codeintel.internal.resolve.FileFacts.Imp;
import dev.atelier.codeintel.internal.resolve.FileFacts.Ref;
import dev.atelier.codeintel.internal.resolve.FileFacts.Sym;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Resolution over one branch, in memory and without a database: imports to files or external
 * packages, references to definitions. Built once from the branch's files; then each import or
 * reference resolves independently, so a caller may resolve all of them or only some.
 *
 * <p>References resolve by stages, the first stage with a candidate wins: {@link #SCOPE} (the
 * enclosing definitions, innermost first, then the file's top level), {@link #FILE} (elsewhere in
 * the same file), {@link #IMPORT_NAME} (a name an import binds, or the files an import of the
 * qualifier leads to), {@link #QUALIFIED_TYPE} (members of a type named like the qualifier), {@link
 * #IMPORTED_FILE} (anything in an imported file), {@link #PACKAGE} (the same package, or folder
 * where the language has none) and {@link #GLOBAL} (the name anywhere in the branch, same language
 * family). A stage with several candidates keeps them all, each with the stage's confidence divided
 * by their number; near stages keep up to {@link #NEAR_LIMIT} (overloads), wide stages give up
 * above {@link #WIDE_LIMIT} (the name is too common to guess).
 *
 * <p>A reference qualified by {@code this}/{@code self} looks only at members of the enclosing
 * definitions. Any other qualifier skips the file's scope: an import binding the qualifier (an
 * import that leads outside the branch ends resolution: no guessing inside it), members of a type
 * named like the qualifier, then members with that name in the package and in the branch.
 *
 * <p>Members found by name alone (the receiver's type unknown) and names with several candidates at
 * the global stage are guesses: they are stored at {@link ReferenceConfidence#NAME_ONLY}, which the
 * tools show as guesses and the graph analyses leave out. Two links are never made: a guessed call
 * of the calling definition itself ({@code self.inner.lock()} inside {@code lock}), and a link from
 * code that is not a test into a test file (test code is not part of what the library sees).
 */
public final class ResolutionCore {

  public static final double SCOPE = 1.0;
  public static final double TYPED = 0.95;
  public static final double FILE = 0.9;
  public static final double IMPORT_NAME = 0.9;
  public static final double QUALIFIED_TYPE = 0.8;
  public static final double IMPORTED_FILE = 0.8;
  public static final double PACKAGE = 0.7;
  public static final double GLOBAL = 0.5;
  public static final double NAME_ONLY = ReferenceConfidence.NAME_ONLY;
  public static final int NEAR_LIMIT = 8;
  public static final int WIDE_LIMIT = 4;

  private static final java.util.regex.Pattern RUBY_CONSTANT =
      java.util.regex.Pattern.compile("[A-Z]\\w*(::[A-Z]\\w*)*");

  private static final Set<String> SELF =
      Set.of("this", "self", "Self", "cls", "static", "me", "$this");

  // Go's predeclared names: never a guess at a same-named definition elsewhere (the Go tree's own
  // builtin/builtin.go declares them all for documentation).
  private static final Set<String> GO_PREDECLARED =
      Set.of(
          "any",
          "bool",
          "byte",
          "comparable",
          "complex64",
          "complex128",
          "error",
          "float32",
          "float64",
          "int",
          "int8",
          "int16",
          "int32",
          "int64",
          "rune",
          "string",
          "uint",
          "uint8",
          "uint16",
          "uint32",
          "uint64",
          "uintptr",
          "append",
          "cap",
          "clear",
          "close",
          "complex",
          "copy",
          "delete",
          "imag",
          "len",
          "make",
          "max",
          "min",
          "new",
          "panic",
          "print",
          "println",
          "real",
          "recover",
          "true",
          "false",
          "iota",
          "nil");

  private final List<FileFacts> files;
  private final Map<String, Integer> byPath = new HashMap<>();

  /** per file: name -> ordinals of its symbols with that name, in source order */
  private final List<Map<String, int[]>> fileNames = new ArrayList<>();

  /** per file: the names of its package (same package key) -> packed (file, ordinal) */
  private final List<Map<String, long[]>> packageNames;

  /** per file: the names of its language family -> packed (file, ordinal), all symbols */
  private final List<Map<String, long[]>> globalNames;

  /** family + container's simple name + name -> packed (file, ordinal) */
  private final Map<String, long[]> memberNames = new HashMap<>();

  /** family + qualified name (separators as dots) -> file, first definition wins */
  private final Map<String, Integer> qualifiedFiles = new HashMap<>();

  /** family + package + file stem -> file (Java, Kotlin, C#, PHP one-type-per-file layouts) */
  private final Map<String, Integer> typeFiles = new HashMap<>();

  /** family + package -> files declaring it */
  private final Map<String, List<Integer>> packageFiles = new HashMap<>();

  /** dotted Python module -> files */
  private final Map<String, List<Integer>> pythonModules = new HashMap<>();

  /** folder -> Go files in it */
  private final Map<String, List<Integer>> goFolders = new HashMap<>();

  /** file name -> files with it, for C includes and Ruby requires */
  private final Map<String, List<Integer>> byFileName = new HashMap<>();

  /** Go module folder -> module path (from go.mod) */
  private final Map<String, String> goModules;

  private final String rootName;

  private final @Nullable List<Binding>[] bindings;

  private final TypedReceivers typedReceivers;

  /** Which files are tests (by the index's file classes), by file number. */
  private final boolean[] testFiles;

  /** Resolution for a repository whose folder name is unknown. */
  public ResolutionCore(List<FileFacts> files, Map<String, String> goModules) {
    this(files, goModules, "");
  }

  /** Resolution for a branch without tests. */
  public ResolutionCore(List<FileFacts> files, Map<String, String> goModules, String rootName) {
    this(files, goModules, rootName, Set.of());
  }

  /**
   * @param files the branch's files; their index in this list is the file number everywhere
   * @param goModules folder of each go.mod -> its module path
   * @param rootName the name of the repository's folder ("" if unknown): Python imports a root that
   *     is itself a package (an installed package, say) by that name
   * @param testPaths the paths the index classed as tests
   */
  @SuppressWarnings("unchecked")
  public ResolutionCore(
      List<FileFacts> files,
      Map<String, String> goModules,
      String rootName,
      Set<String> testPaths) {
    this.files = List.copyOf(files);
    this.testFiles = new boolean[this.files.size()];
    for (int i = 0; i < testFiles.length; i++) {
      testFiles[i] = testPaths.contains(this.files.get(i).path());
    }
    this.goModules = Map.copyOf(goModules);
    this.rootName = rootName;
    this.bindings = new List[files.size()];
    Map<String, Map<String, List<Long>>> global = new HashMap<>();
    Map<String, List<Long>> members = new HashMap<>();
    Map<String, Map<String, List<Long>>> packages = new HashMap<>();
    Set<String> pythonPackageDirs = new java.util.HashSet<>();
    for (FileFacts f : this.files) {
      if (f.language() == Language.PYTHON && stem(fileName(f.path())).equals("__init__")) {
        pythonPackageDirs.add(dir(f.path()));
      }
    }
    for (int i = 0; i < this.files.size(); i++) {
      FileFacts f = this.files.get(i);
      byPath.put(f.path(), i);
      byFileName.computeIfAbsent(fileName(f.path()), k -> new ArrayList<>()).add(i);
      String family = family(f.language());
      Map<String, List<Integer>> names = new HashMap<>();
      String pkg = packageKey(f);
      Map<String, List<Long>> inPackage = packages.computeIfAbsent(pkg, k -> new HashMap<>());
      for (int s = 0; s < f.symbols().size(); s++) {
        Sym sym = f.symbols().get(s);
        long packed = pack(i, s);
        names.computeIfAbsent(sym.name(), k -> new ArrayList<>()).add(s);
        inPackage.computeIfAbsent(sym.name(), k -> new ArrayList<>()).add(packed);
        global
            .computeIfAbsent(family, k -> new HashMap<>())
            .computeIfAbsent(sym.name(), k -> new ArrayList<>())
            .add(packed);
        if (sym.container() != null) {
          members
              .computeIfAbsent(
                  family + lastSegment(dotted(sym.container())) + "\0" + sym.name(),
                  k -> new ArrayList<>())
              .add(packed);
        }
        qualifiedFiles.putIfAbsent(family + dotted(sym.qualifiedName()), i);
      }
      Map<String, int[]> fileIndex = new HashMap<>(names.size() * 2);
      names.forEach((k, v) -> fileIndex.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
      fileNames.add(fileIndex);
      String packageName = dotted(f.packageName());
      if (!packageName.isEmpty()) {
        packageFiles.computeIfAbsent(family + packageName, k -> new ArrayList<>()).add(i);
        typeFiles.putIfAbsent(family + packageName + "." + stem(fileName(f.path())), i);
      } else {
        typeFiles.putIfAbsent(family + stem(fileName(f.path())), i);
      }
      switch (f.language()) {
        case PYTHON -> registerPythonModule(i, f.path(), pythonPackageDirs);
        case GO -> goFolders.computeIfAbsent(dir(f.path()), k -> new ArrayList<>()).add(i);
        default -> {}
      }
    }
    members.forEach((k, v) -> memberNames.put(k, toArray(v)));
    // Each reference looks its package and family up: resolved here once per file, not per use.
    Map<String, Map<String, long[]>> byFamily = arrays(global);
    Map<String, Map<String, long[]>> byPackage = arrays(packages);
    List<Map<String, long[]>> filePackages = new ArrayList<>(this.files.size());
    List<Map<String, long[]>> fileFamilies = new ArrayList<>(this.files.size());
    for (FileFacts f : this.files) {
      filePackages.add(byPackage.getOrDefault(packageKey(f), Map.of()));
      fileFamilies.add(byFamily.getOrDefault(family(f.language()), Map.of()));
    }
    this.packageNames = filePackages;
    this.globalNames = fileFamilies;
    this.typedReceivers = new TypedReceivers(this, this.files);
  }

  public int fileCount() {
    return files.size();
  }

  public FileFacts file(int index) {
    return files.get(index);
  }

  /** The file number of a path, or -1. */
  public int fileOf(String path) {
    Integer index = byPath.get(path);
    return index == null ? -1 : index;
  }

  // ---------------------------------------------------------------------------------------------
  // Imports

  /** The resolved imports of a file, by import ordinal. */
  public List<Binding> imports(int file) {
    List<Binding> cached = bindings[file];
    if (cached != null) {
      return cached;
    }
    FileFacts f = files.get(file);
    List<Binding> result = new ArrayList<>(f.imports().size());
    for (Imp imp : f.imports()) {
      List<Dependency> targets = resolveImport(file, f, imp);
      int[] targetFiles =
          targets.stream()
              .filter(d -> d.kind() == Dependency.Kind.FILE)
              .mapToInt(Dependency::toFile)
              .toArray();
      result.add(new Binding(imp, names(imp), targets, targetFiles));
    }
    List<Binding> frozen = List.copyOf(result);
    bindings[file] = frozen;
    return frozen;
  }

  /** One resolved import: the names it binds in the importing file and where it leads. */
  public record Binding(Imp imp, Set<String> names, List<Dependency> targets, int[] files) {}

  /**
   * Where each import of a file leads as a dependency, by import ordinal. An import of a package or
   * folder keeps only the files of it whose names the importing file uses (the first of them when
   * it uses none): importing Go's {@code fmt} does not make a file depend on all of fmt.
   */
  public List<List<Dependency>> dependencies(int file) {
    List<Binding> imports = imports(file);
    List<List<Dependency>> result = new ArrayList<>(imports.size());
    UsedNames used = null;
    for (Binding b : imports) {
      if (b.files().length <= 1) {
        result.add(b.targets());
        continue;
      }
      if (used == null) {
        used = new UsedNames(files.get(file));
      }
      List<Dependency> kept = new ArrayList<>(b.targets().size());
      for (Dependency d : b.targets()) {
        if (d.kind() != Dependency.Kind.FILE || used.anyIn(b, fileNames.get(d.toFile()))) {
          kept.add(d);
        }
      }
      if (kept.stream().noneMatch(d -> d.kind() == Dependency.Kind.FILE)) {
        kept.add(Dependency.file(b.files()[0]));
      }
      result.add(List.copyOf(kept));
    }
    return result;
  }

  /** The names a file's references use: bare, and per qualifier. */
  private static final class UsedNames {
    private final boolean go;
    private final Set<String> bare = new HashSet<>();
    private final Map<String, Set<String>> qualified = new HashMap<>();

    UsedNames(FileFacts f) {
      go = f.language() == Language.GO;
      for (Ref r : f.refs()) {
        if (r.qualifier() == null) {
          bare.add(r.name());
        } else {
          qualified.computeIfAbsent(r.qualifier(), k -> new HashSet<>()).add(r.name());
        }
      }
    }

    /** Whether the file uses, through the import, a name the target file defines. */
    boolean anyIn(Binding b, Map<String, int[]> defined) {
      // Go reaches an imported package only through its name, unless it is a dot import.
      if ((!go || ".".equals(b.imp().alias())) && anyOf(bare, defined)) {
        return true;
      }
      for (String name : b.names()) {
        Set<String> through = qualified.get(name);
        if (through != null && anyOf(through, defined)) {
          return true;
        }
      }
      return false;
    }

    private static boolean anyOf(Set<String> names, Map<String, int[]> defined) {
      if (names.size() <= defined.size()) {
        for (String n : names) {
          if (defined.containsKey(n)) {
            return true;
          }
        }
        return false;
      }
      for (String n : defined.keySet()) {
        if (names.contains(n)) {
          return true;
        }
      }
      return false;
    }
  }

  private List<Dependency> resolveImport(int file, FileFacts f, Imp imp) {
    String target = imp.target().strip();
    if (target.isEmpty()) {
      return List.of(Dependency.UNRESOLVED_DEPENDENCY);
    }
    List<Dependency> found =
        switch (f.language()) {
          case JAVA, KOTLIN -> jvmImport(f, target);
          case PYTHON -> pythonImport(f, target);
          case JAVASCRIPT, TYPESCRIPT, TSX -> scriptImport(f, target);
          case GO -> goImport(target);
          case RUST -> rustImport(f, target);
          case C, CPP -> includeImport(f, target);
          case CSHARP -> csharpImport(f, target, imp.alias());
          case PHP -> phpImport(f, target);
          case RUBY -> rubyImport(file, f, target);
          case TEXT -> List.of(Dependency.UNRESOLVED_DEPENDENCY);
        };
    // an import never depends on its own file
    List<Dependency> kept = new ArrayList<>(found.size());
    for (Dependency d : found) {
      if (d.kind() != Dependency.Kind.FILE || d.toFile() != file) {
        kept.add(d);
      }
    }
    return kept.isEmpty() && !found.isEmpty() ? List.of(Dependency.UNRESOLVED_DEPENDENCY) : kept;
  }

  private List<Dependency> jvmImport(FileFacts f, String target) {
    String family = family(f.language());
    String t = target.startsWith("static ") ? target.substring(7).strip() : target;
    if (t.endsWith(".*")) {
      String pkg = t.substring(0, t.length() - 2);
      List<Integer> inPackage = packageFiles.get(family + pkg);
      if (inPackage != null) {
        return filesOf(inPackage);
      }
      Integer type = typeFile(family, pkg);
      if (type != null) {
        return List.of(Dependency.file(type));
      }
      return List.of(Dependency.external(jvmPackage(pkg)));
    }
    Integer type = typeFile(family, t);
    return type != null
        ? List.of(Dependency.file(type))
        : List.of(Dependency.external(jvmPackage(t)));
  }

  /** The file defining a (possibly nested or member) qualified name, trying shorter prefixes. */
  private @Nullable Integer typeFile(String family, String qualified) {
    String q = qualified;
    while (true) {
      Integer found = typeFiles.get(family + q);
      if (found == null) {
        found = qualifiedFiles.get(family + q);
      }
      if (found != null) {
        return found;
      }
      int dot = q.lastIndexOf('.');
      if (dot <= 0) {
        return null;
      }
      q = q.substring(0, dot);
    }
  }

  private static String jvmPackage(String qualified) {
    String[] parts = qualified.split("\\.");
    StringBuilder out = new StringBuilder();
    for (String part : parts) {
      if (part.isEmpty() || Character.isUpperCase(part.charAt(0)) || part.equals("*")) {
        break;
      }
      if (!out.isEmpty()) {
        out.append('.');
      }
      out.append(part);
    }
    return out.isEmpty() ? qualified : out.toString();
  }

  private void registerPythonModule(int file, String path, Set<String> packageDirs) {
    String noExt = path.substring(0, path.lastIndexOf('.'));
    String module = stem(fileName(path)).equals("__init__") ? dir(path) : noExt;
    Set<String> names = new LinkedHashSet<>();
    names.add(module.replace('/', '.'));
    // relative to the folder above the outermost package (a folder with __init__.py)
    String top = dir(path);
    while (!top.isEmpty() && packageDirs.contains(top)) {
      top = dir(top);
    }
    if (!top.isEmpty() && !top.equals(dir(path)) && module.startsWith(top + "/")) {
      names.add(module.substring(top.length() + 1).replace('/', '.'));
    }
    // relative to a src/ or lib/ folder
    String[] segments = module.split("/");
    for (int i = 0; i < segments.length - 1; i++) {
      if (segments[i].equals("src") || segments[i].equals("lib")) {
        names.add(String.join(".", Arrays.asList(segments).subList(i + 1, segments.length)));
      }
    }
    if (!rootName.isEmpty() && packageDirs.contains("")) {
      names.add(module.isEmpty() ? rootName : rootName + "." + module.replace('/', '.'));
    }
    for (String name : names) {
      if (!name.isEmpty()) {
        pythonModules.computeIfAbsent(name, k -> new ArrayList<>()).add(file);
      }
    }
  }

  private List<Dependency> pythonImport(FileFacts f, String target) {
    if (target.startsWith(".")) {
      int dots = 0;
      while (dots < target.length() && target.charAt(dots) == '.') {
        dots++;
      }
      String base = dir(f.path());
      for (int i = 1; i < dots; i++) {
        base = dir(base);
      }
      String rest = target.substring(dots);
      String[] parts = rest.isEmpty() ? new String[0] : rest.split("\\.");
      for (int n = parts.length; n >= 0; n--) {
        String sub = String.join("/", Arrays.asList(parts).subList(0, n));
        String folder = sub.isEmpty() ? base : join(base, sub);
        Integer module = n == 0 ? null : byPath.get(folder + ".py");
        if (module == null) {
          module = byPath.get(join(folder, "__init__.py"));
        }
        if (module != null) {
          return List.of(Dependency.file(module));
        }
      }
      return List.of(Dependency.UNRESOLVED_DEPENDENCY);
    }
    // a sibling module first (the script's folder is on the path), then the branch's packages
    String sibling = join(dir(f.path()), target.replace('.', '/'));
    for (String candidate : List.of(sibling + ".py", join(sibling, "__init__.py"))) {
      Integer found = byPath.get(candidate);
      if (found != null) {
        return List.of(Dependency.file(found));
      }
    }
    String module = target;
    while (true) {
      List<Integer> found = pythonModules.get(module);
      if (found != null) {
        return List.of(Dependency.file(nearest(found)));
      }
      int dot = module.lastIndexOf('.');
      if (dot <= 0) {
        break;
      }
      module = module.substring(0, dot);
    }
    int dot = target.indexOf('.');
    return List.of(Dependency.external(dot < 0 ? target : target.substring(0, dot)));
  }

  private static final List<String> SCRIPT_EXTENSIONS =
      List.of(
          ".ts", ".tsx", ".d.ts", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts", ".json", ".vue");

  private List<Dependency> scriptImport(FileFacts f, String target) {
    if (!target.startsWith(".") && !target.startsWith("/")) {
      String[] parts = target.split("/");
      String pkg =
          target.startsWith("@") && parts.length > 1 ? parts[0] + "/" + parts[1] : parts[0];
      return List.of(Dependency.external(pkg));
    }
    String base = target.startsWith("/") ? target.substring(1) : normalize(dir(f.path()), target);
    if (base == null) {
      return List.of(Dependency.UNRESOLVED_DEPENDENCY);
    }
    List<String> tries = new ArrayList<>();
    tries.add(base);
    for (String ext : SCRIPT_EXTENSIONS) {
      tries.add(base + ext);
    }
    // TypeScript sources import their compiled names: ./x.js means ./x.ts
    for (String js : List.of(".js", ".jsx", ".mjs", ".cjs")) {
      if (base.endsWith(js)) {
        String stripped = base.substring(0, base.length() - js.length());
        tries.add(stripped + ".ts");
        tries.add(stripped + ".tsx");
        tries.add(stripped + ".mts");
        tries.add(stripped + ".cts");
      }
    }
    for (String ext : SCRIPT_EXTENSIONS) {
      tries.add(join(base, "index" + ext));
    }
    for (String path : tries) {
      Integer found = byPath.get(path);
      if (found != null) {
        return List.of(Dependency.file(found));
      }
    }
    return List.of(Dependency.UNRESOLVED_DEPENDENCY);
  }

  private List<Dependency> goImport(String target) {
    String path = unquote(target);
    for (Map.Entry<String, String> module : goModules.entrySet()) {
      String name = module.getValue();
      String folder = null;
      if (path.equals(name)) {
        folder = module.getKey();
      } else if (path.startsWith(name + "/")) {
        folder = join(module.getKey(), path.substring(name.length() + 1));
      }
      if (folder != null) {
        List<Integer> inFolder = goFolders.get(folder);
        if (inFolder != null) {
          return filesOf(inFolder);
        }
      }
    }
    List<Integer> exact = goFolders.get(path);
    if (exact != null) {
      return filesOf(exact);
    }
    // the standard library itself, or vendored code: a folder ending with the import path
    String best = null;
    for (String folder : goFolders.keySet()) {
      if (folder.endsWith("/" + path)
          && (best == null
              || folder.length() < best.length()
              || (folder.length() == best.length() && folder.compareTo(best) < 0))) {
        best = folder;
      }
    }
    if (best != null) {
      return filesOf(requireNonNull(goFolders.get(best)));
    }
    return List.of(Dependency.external(path));
  }

  private List<Dependency> rustImport(FileFacts f, String target) {
    String t = target;
    if (t.endsWith("::*")) {
      t = t.substring(0, t.length() - 3);
    }
    int brace = t.indexOf("::{");
    if (brace >= 0) {
      t = t.substring(0, brace);
    }
    List<String> segments = new ArrayList<>(Arrays.asList(t.split("::")));
    String crateRoot = rustCrateRoot(f.path());
    String self = rustModuleFolder(f.path());
    String first = segments.getFirst();
    String base;
    switch (first) {
      case "crate" -> {
        base = crateRoot;
        segments.removeFirst();
      }
      case "self" -> {
        base = self;
        segments.removeFirst();
      }
      case "super" -> {
        base = self;
        while (!segments.isEmpty() && segments.getFirst().equals("super")) {
          base = dir(base);
          segments.removeFirst();
        }
      }
      default -> {
        // a child module (mod x; use x::y) or, in 2015 style, a crate-relative path
        Integer child = rustModuleFile(self, first);
        if (child != null) {
          base = self;
        } else if (crateRoot != null && rustModuleFile(crateRoot, first) != null) {
          base = crateRoot;
        } else {
          return List.of(Dependency.external(first));
        }
      }
    }
    if (base == null) {
      return List.of(Dependency.UNRESOLVED_DEPENDENCY);
    }
    Integer module = rustModuleRoot(base);
    String folder = base;
    for (String segment : segments) {
      Integer next = rustModuleFile(folder, segment);
      if (next == null) {
        break;
      }
      module = next;
      folder = join(folder, segment);
    }
    return module == null
        ? List.of(Dependency.UNRESOLVED_DEPENDENCY)
        : List.of(Dependency.file(module));
  }

  /** The folder holding the crate's lib.rs or main.rs above the file, or null. */
  private @Nullable String rustCrateRoot(String path) {
    String folder = dir(path);
    while (true) {
      if (byPath.containsKey(join(folder, "lib.rs"))
          || byPath.containsKey(join(folder, "main.rs"))) {
        return folder;
      }
      if (folder.isEmpty()) {
        return null;
      }
      folder = dir(folder);
    }
  }

  /** The folder a file's child modules live in: its own folder for mod.rs, lib.rs, main.rs. */
  private static String rustModuleFolder(String path) {
    String name = fileName(path);
    if (name.equals("mod.rs") || name.equals("lib.rs") || name.equals("main.rs")) {
      return dir(path);
    }
    return join(dir(path), stem(name));
  }

  private @Nullable Integer rustModuleFile(@Nullable String folder, String name) {
    if (folder == null) {
      return null;
    }
    Integer file = byPath.get(join(folder, name + ".rs"));
    return file != null ? file : byPath.get(join(folder, name + "/mod.rs"));
  }

  /** The file of the module whose children live in the folder. */
  private @Nullable Integer rustModuleRoot(String folder) {
    for (String name : List.of("mod.rs", "lib.rs", "main.rs")) {
      Integer file = byPath.get(join(folder, name));
      if (file != null) {
        return file;
      }
    }
    return folder.isEmpty() ? null : byPath.get(folder + ".rs");
  }

  private List<Dependency> includeImport(FileFacts f, String target) {
    boolean system = target.startsWith("<");
    String spec = unquote(target);
    if (!system) {
      String relative = normalize(dir(f.path()), spec);
      if (relative != null && byPath.containsKey(relative)) {
        return List.of(Dependency.file(requireNonNull(byPath.get(relative))));
      }
    }
    Integer unique = uniqueBySuffix(spec);
    if (unique != null) {
      return List.of(Dependency.file(unique));
    }
    return system ? List.of(Dependency.external(spec)) : List.of(Dependency.UNRESOLVED_DEPENDENCY);
  }

  /** The one file whose path ends with the relative path, or null when none or several. */
  private @Nullable Integer uniqueBySuffix(String relative) {
    List<Integer> named = byFileName.get(fileName(relative));
    if (named == null) {
      return null;
    }
    Integer found = null;
    for (int candidate : named) {
      String path = files.get(candidate).path();
      if (path.equals(relative) || path.endsWith("/" + relative)) {
        if (found != null) {
          return null;
        }
        found = candidate;
      }
    }
    return found;
  }

  private List<Dependency> csharpImport(FileFacts f, String target, @Nullable String alias) {
    String family = family(f.language());
    String t = target.startsWith("static ") ? target.substring(7).strip() : target;
    List<Integer> inNamespace = packageFiles.get(family + t);
    if (inNamespace != null && alias == null) {
      return filesOf(inNamespace);
    }
    Integer type = typeFile(family, t);
    if (type != null) {
      return List.of(Dependency.file(type));
    }
    if (inNamespace != null) {
      return filesOf(inNamespace);
    }
    return List.of(Dependency.external(t));
  }

  private List<Dependency> phpImport(FileFacts f, String target) {
    String family = family(f.language());
    String t = dotted(target);
    Integer type = typeFile(family, t);
    if (type != null) {
      return List.of(Dependency.file(type));
    }
    List<Integer> inNamespace = packageFiles.get(family + t);
    if (inNamespace != null) {
      return filesOf(inNamespace);
    }
    String[] parts = t.split("\\.");
    return List.of(Dependency.external(parts.length > 1 ? parts[0] + "\\" + parts[1] : parts[0]));
  }

  private List<Dependency> rubyImport(int file, FileFacts f, String target) {
    String spec = unquote(target);
    if (RUBY_CONSTANT.matcher(spec).matches()) {
      return rubyMixin(file, spec);
    }
    String withExt = spec.endsWith(".rb") ? spec : spec + ".rb";
    String relative = normalize(dir(f.path()), withExt);
    if (relative != null && byPath.containsKey(relative)) {
      return List.of(Dependency.file(requireNonNull(byPath.get(relative))));
    }
    if (!spec.startsWith(".")) {
      Integer inLib = byPath.get("lib/" + withExt);
      if (inLib == null) {
        inLib = uniqueBySuffix(withExt);
      }
      if (inLib != null) {
        return List.of(Dependency.file(inLib));
      }
      return List.of(Dependency.external(spec.split("/")[0]));
    }
    return List.of(Dependency.UNRESOLVED_DEPENDENCY);
  }

  /**
   * {@code include Foo} (or extend, prepend): a dependency on the file defining module or class
   * {@code Foo} in the branch; none when it is not defined here (Comparable, a gem's module).
   */
  private List<Dependency> rubyMixin(int file, String constant) {
    String last = constant.substring(constant.lastIndexOf(':') + 1);
    Set<Integer> defining = new java.util.TreeSet<>();
    for (String name : List.of(constant, last)) {
      long[] candidates = globalNames.get(file).get(name);
      if (candidates != null) {
        for (long packed : candidates) {
          SymbolKind kind =
              files.get(packedFile(packed)).symbols().get(packedOrdinal(packed)).kind();
          if ((kind == SymbolKind.MODULE || kind == SymbolKind.CLASS)
              && packedFile(packed) != file) {
            defining.add(packedFile(packed));
          }
        }
      }
      if (!defining.isEmpty()) {
        break;
      }
    }
    return defining.size() > WIDE_LIMIT ? List.of() : filesOf(List.copyOf(defining));
  }

  private static List<Dependency> filesOf(List<Integer> targets) {
    List<Dependency> out = new ArrayList<>(targets.size());
    for (int t : targets) {
      out.add(Dependency.file(t));
    }
    return out;
  }

  /** The candidate with the shortest path (then the first by path): the least nested module. */
  private int nearest(List<Integer> candidates) {
    return candidates.stream()
        .min(
            Comparator.comparingInt((Integer i) -> files.get(i).path().length())
                .thenComparing(i -> files.get(i).path()))
        .orElseThrow();
  }

  /** The names an import binds in the importing file: its alias, its last segment, itself. */
  private static Set<String> names(Imp imp) {
    Set<String> names = new LinkedHashSet<>();
    if (imp.alias() != null) {
      names.add(imp.alias());
    }
    String target = unquote(imp.target().strip());
    String last = target.contains("/") ? stem(fileName(target)) : lastSegment(target);
    if (!last.equals("*") && !last.isEmpty()) {
      names.add(last);
    }
    names.add(target);
    return names;
  }

  // ---------------------------------------------------------------------------------------------
  // References

  /** The definitions the file's reference resolves to; empty when unresolved. */
  public List<Target> resolve(int file, int refOrdinal) {
    return resolve(file, files.get(file).refs().get(refOrdinal));
  }

  /** The definitions a reference written in the file resolves to; empty when unresolved. */
  List<Target> resolve(int file, Ref ref) {
    FileFacts f = files.get(file);
    String qualifier = ref.qualifier();
    String receiverType = ref.receiverType();
    List<Target> targets;
    List<Long> typed =
        receiverType == null || qualifier == null
            ? null
            : typedReceivers.resolve(file, f, ref, receiverType);
    if (typed == null && qualifier != null && f.language() == Language.JAVA) {
      typed = outerOrSuper(file, f, ref, qualifier);
    }
    if (typed != null) {
      targets = near(typed, TYPED);
    } else if (qualifier != null && (qualifier.isBlank() || SELF.contains(qualifier))) {
      targets = resolveInScope(file, f, ref, true);
    } else if (qualifier != null) {
      targets = resolveQualified(file, f, ref, qualifier);
    } else {
      targets = resolveInScope(file, f, ref, false);
    }
    targets = Arity.narrow(targets, ref.arguments(), this);
    if (testFiles[file] || targets.isEmpty()) {
      return targets;
    }
    List<Target> outsideTests = new ArrayList<>(targets.size());
    for (Target target : targets) {
      if (!testFiles[target.file()]) {
        outsideTests.add(target);
      }
    }
    return outsideTests;
  }

  private List<Target> resolveInScope(int file, FileFacts f, Ref ref, boolean membersOnly) {
    int[] local = fileNames.get(file).get(ref.name());
    if (local != null) {
      // the enclosing definitions, innermost first, then the top level
      int level = ref.enclosing();
      while (true) {
        if (level < 0 && membersOnly) {
          break;
        }
        List<Long> found = new ArrayList<>();
        for (int s : local) {
          Sym sym = f.symbols().get(s);
          if (sym.parent() == level
              && accepts(ref.kind(), sym.kind())
              && !bareGoMethod(ref, f, sym)) {
            found.add(pack(file, s));
          }
        }
        if (!found.isEmpty()) {
          return near(found, SCOPE);
        }
        if (level < 0) {
          break;
        }
        level = f.symbols().get(level).parent();
      }
      List<Long> inherited = inherited(file, f, ref);
      if (!inherited.isEmpty()) {
        return near(inherited, TYPED);
      }
      List<Long> elsewhere = new ArrayList<>();
      for (int s : local) {
        Sym sym = f.symbols().get(s);
        if (accepts(ref.kind(), sym.kind())
            && (!membersOnly || sym.parent() >= 0)
            && !bareGoMethod(ref, f, sym)) {
          elsewhere.add(pack(file, s));
        }
      }
      if (!elsewhere.isEmpty()) {
        return near(elsewhere, FILE);
      }
    } else {
      List<Long> inherited = inherited(file, f, ref);
      if (!inherited.isEmpty()) {
        return near(inherited, TYPED);
      }
    }
    if (!membersOnly) {
      List<Binding> imports = imports(file);
      List<Long> named = new ArrayList<>();
      boolean external = false;
      for (Binding b : imports) {
        if (b.names().contains(ref.name())) {
          collect(b.files(), ref, false, named);
          external |= b.files().length == 0;
        }
      }
      if (!named.isEmpty()) {
        return near(named, IMPORT_NAME);
      }
      if (external) {
        // the name comes from outside the branch
        return List.of();
      }
      List<Long> imported = new ArrayList<>();
      for (Binding b : imports) {
        collect(b.files(), ref, false, imported);
      }
      if (!imported.isEmpty()) {
        return wide(imported, IMPORTED_FILE);
      }
    }
    return packageThenGlobal(file, f, ref, membersOnly, true, false);
  }

  /**
   * Java {@code super.m()} (the enclosing type's supertypes) and {@code Outer.this.m()} (the
   * enclosing type of that name); null for any other qualifier.
   */
  private @Nullable List<Long> outerOrSuper(int file, FileFacts f, Ref ref, String qualifier) {
    boolean isSuper = qualifier.equals("super");
    if (ref.kind() != RefKind.CALL || (!isSuper && !qualifier.endsWith(".this"))) {
      return null;
    }
    String outer = isSuper ? null : lastSegment(qualifier.substring(0, qualifier.length() - 5));
    for (int level = ref.enclosing(); level >= 0; level = f.symbols().get(level).parent()) {
      Sym sym = f.symbols().get(level);
      if (isType(sym.kind()) && (outer == null || sym.name().equals(outer))) {
        return typedReceivers.onType(pack(file, level), ref, isSuper);
      }
    }
    return null;
  }

  /**
   * A Java method called without a receiver that no enclosing type declares: the enclosing types'
   * supertypes, innermost type first.
   */
  private List<Long> inherited(int file, FileFacts f, Ref ref) {
    // calls only: a supertype use resolving through the supertypes would loop
    if (f.language() != Language.JAVA || ref.kind() != RefKind.CALL) {
      return List.of();
    }
    for (int level = ref.enclosing(); level >= 0; level = f.symbols().get(level).parent()) {
      if (isType(f.symbols().get(level).kind())) {
        List<Long> found = typedReceivers.onType(pack(file, level), ref, true);
        if (!found.isEmpty()) {
          return found;
        }
      }
    }
    return List.of();
  }

  private static boolean isType(SymbolKind kind) {
    return switch (kind) {
      case CLASS, INTERFACE, ENUM, RECORD, STRUCT, TRAIT -> true;
      default -> false;
    };
  }

  private List<Target> resolveQualified(int file, FileFacts f, Ref ref, String qualifier) {
    List<Long> named = new ArrayList<>();
    boolean external = false;
    for (Binding b : imports(file)) {
      if (b.names().contains(qualifier)) {
        collect(b.files(), ref, false, named);
        external |= b.files().length == 0;
      }
    }
    if (!named.isEmpty()) {
      return near(named, IMPORT_NAME);
    }
    if (external) {
      return List.of();
    }
    String family = family(f.language());
    long[] members = memberNames.get(family + lastSegment(dotted(qualifier)) + "\0" + ref.name());
    if (members != null) {
      List<Long> typed = accepted(members, ref, false);
      if (!typed.isEmpty()) {
        return wide(typed, QUALIFIED_TYPE);
      }
    }
    // the receiver is unknown: members anywhere in the package, this file included, by name alone
    return packageThenGlobal(file, f, ref, true, false, true);
  }

  /**
   * The name in the file's package, else anywhere in the branch (a guess); {@code receiverUnknown}:
   * a member on a receiver of unknown type, a guess at either stage, never the caller itself.
   */
  private List<Target> packageThenGlobal(
      int file,
      FileFacts f,
      Ref ref,
      boolean membersOnly,
      boolean fileSeen,
      boolean receiverUnknown) {
    int skip = fileSeen ? file : -1;
    long caller = receiverUnknown && ref.enclosing() >= 0 ? pack(file, ref.enclosing()) : -1;
    long[] inPackage = packageNames.get(file).get(ref.name());
    if (inPackage != null) {
      List<Long> found = new ArrayList<>();
      for (long packed : inPackage) {
        if (packedFile(packed) != skip
            && packed != caller
            && acceptsPacked(packed, ref, membersOnly)) {
          found.add(packed);
        }
      }
      if (!found.isEmpty()) {
        return wide(found, receiverUnknown ? NAME_ONLY : PACKAGE);
      }
    }
    long[] everywhere = globalNames.get(file).get(ref.name());
    // a predeclared Go name not defined in the package is the builtin (Go 1.19 has no builtin min)
    boolean predeclared =
        !membersOnly && f.language() == Language.GO && GO_PREDECLARED.contains(ref.name());
    if (everywhere == null || predeclared) {
      return List.of();
    }
    List<Long> found = new ArrayList<>();
    for (long packed : everywhere) {
      if (packedFile(packed) != skip
          && packed != caller
          && acceptsPacked(packed, ref, membersOnly)) {
        found.add(packed);
        if (found.size() > WIDE_LIMIT) {
          return List.of();
        }
      }
    }
    // One definition of a free name in the whole branch is a fair answer; several are a guess.
    return wide(found, receiverUnknown || found.size() > 1 ? NAME_ONLY : GLOBAL);
  }

  private void collect(int[] targetFiles, Ref ref, boolean membersOnly, List<Long> out) {
    for (int t : targetFiles) {
      int[] ordinals = fileNames.get(t).get(ref.name());
      if (ordinals != null) {
        for (int s : ordinals) {
          long packed = pack(t, s);
          if (acceptsPacked(packed, ref, membersOnly) && !out.contains(packed)) {
            out.add(packed);
          }
        }
      }
    }
  }

  private List<Long> accepted(long[] candidates, Ref ref, boolean membersOnly) {
    List<Long> out = new ArrayList<>();
    for (long packed : candidates) {
      if (acceptsPacked(packed, ref, membersOnly)) {
        out.add(packed);
      }
    }
    return out;
  }

  private boolean acceptsPacked(long packed, Ref ref, boolean membersOnly) {
    FileFacts f = files.get(packedFile(packed));
    Sym sym = f.symbols().get(packedOrdinal(packed));
    return accepts(ref.kind(), sym.kind())
        && (!membersOnly || sym.container() != null)
        && !bareGoMethod(ref, f, sym);
  }

  /** A Go name used without a receiver never names a method. */
  private static boolean bareGoMethod(Ref ref, FileFacts f, Sym sym) {
    return ref.qualifier() == null
        && sym.kind() == SymbolKind.METHOD
        && f.language() == Language.GO;
  }

  /**
   * Kind-aware matching: a call resolves to callables and to types (a constructor call names its
   * class; constructors themselves are not targets), a type or supertype use to types.
   */
  static boolean accepts(RefKind ref, SymbolKind symbol) {
    return switch (ref) {
      case CALL ->
          switch (symbol) {
            case FUNCTION, METHOD, MACRO, CLASS, STRUCT, RECORD -> true;
            default -> false;
          };
      case TYPE, INHERIT ->
          switch (symbol) {
            case CLASS, INTERFACE, ENUM, RECORD, STRUCT, TRAIT, TYPE_ALIAS -> true;
            default -> false;
          };
    };
  }

  private static List<Target> near(List<Long> candidates, double confidence) {
    List<Long> kept =
        candidates.size() > NEAR_LIMIT ? candidates.subList(0, NEAR_LIMIT) : candidates;
    return targets(kept, confidence);
  }

  private static List<Target> wide(List<Long> candidates, double confidence) {
    return candidates.size() > WIDE_LIMIT ? List.of() : targets(candidates, confidence);
  }

  private static List<Target> targets(List<Long> candidates, double confidence) {
    double each = confidence / candidates.size();
    List<Target> out = new ArrayList<>(candidates.size());
    for (long packed : candidates) {
      out.add(new Target(packedFile(packed), packedOrdinal(packed), each));
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** Languages whose names see each other: the JVM, the JavaScript dialects, C and C++. */
  static String family(Language language) {
    return switch (language) {
      case JAVA, KOTLIN -> "jvm\0";
      case JAVASCRIPT, TYPESCRIPT, TSX -> "js\0";
      case C, CPP -> "c\0";
      default -> language.id() + "\0";
    };
  }

  /**
   * The package a file's names are visible in without import: the declared package in its family
   * (Go: also its folder), else its folder.
   */
  static String packageKey(FileFacts f) {
    String family = family(f.language());
    if (f.packageName().isEmpty() || f.language() == Language.GO) {
      return family + "dir:" + dir(f.path()) + "\0" + f.packageName();
    }
    return family + "pkg:" + dotted(f.packageName());
  }

  static String dotted(String name) {
    String d = name.replace("::", ".").replace('\\', '.');
    return d.startsWith(".") && !d.startsWith("..") ? d.substring(1) : d;
  }

  private static String lastSegment(String name) {
    int cut = -1;
    for (String sep : List.of(".", "/", "::", "\\")) {
      int at = name.lastIndexOf(sep);
      if (at >= 0 && at + sep.length() - 1 > cut) {
        cut = at + sep.length() - 1;
      }
    }
    return name.substring(cut + 1);
  }

  private static String unquote(String spec) {
    String s = spec.strip();
    if (s.length() >= 2
        && ((s.startsWith("\"") && s.endsWith("\""))
            || (s.startsWith("'") && s.endsWith("'"))
            || (s.startsWith("<") && s.endsWith(">"))
            || (s.startsWith("`") && s.endsWith("`")))) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }

  static String dir(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static String stem(String name) {
    int dot = name.indexOf('.');
    return dot <= 0 ? name : name.substring(0, dot);
  }

  private static String join(String folder, String relative) {
    return folder.isEmpty() ? relative : folder + "/" + relative;
  }

  /** folder + relative with . and .. applied; null when it climbs above the root. */
  static @Nullable String normalize(String folder, String relative) {
    List<String> parts = new ArrayList<>();
    if (!folder.isEmpty()) {
      parts.addAll(Arrays.asList(folder.split("/")));
    }
    for (String part : relative.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.removeLast();
      } else {
        parts.add(part);
      }
    }
    return String.join("/", parts);
  }

  private static Map<String, Map<String, long[]>> arrays(
      Map<String, Map<String, List<Long>>> lists) {
    Map<String, Map<String, long[]>> out = new HashMap<>(lists.size() * 2);
    lists.forEach((key, names) -> {
      Map<String, long[]> m = new HashMap<>(names.size() * 2);
      names.forEach((name, list) -> m.put(name, toArray(list)));
      out.put(key, m);
    });
    return out;
  }

  private static long[] toArray(List<Long> list) {
    long[] out = new long[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }

  public static long pack(int file, int ordinal) {
    return ((long) file << 32) | (ordinal & 0xffffffffL);
  }

  static int packedFile(long packed) {
    return (int) (packed >>> 32);
  }

  static int packedOrdinal(long packed) {
    return (int) packed;
  }
}
