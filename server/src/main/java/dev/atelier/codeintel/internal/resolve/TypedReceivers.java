package dev.atelier.codeintel.internal.resolve;

import dev.atelier.codeintel.Language;
import dev.atelier.codeintel.RefKind;
import dev.atelier.codeintel.ReferenceConfidence;
import dev.atelier.codeintel.SymbolKind;
import dev.atelier.codeintel.internal.resolve.FileFacts.Ref;
import dev.atelier.codeintel.internal.resolve.FileFacts.Sym;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Member references on a receiver whose declared type the parse saw ({@code cache.put()} with
 * {@code LocalCache cache}): the type is resolved as a type use from the referring file, then the
 * member is looked up on it and, when the type does not declare it, on its supertypes (Java {@code
 * extends}/{@code implements}, Go embedded fields), nearest first. A type that does not resolve in
 * the branch, or that has no such member, leaves the reference unresolved: the member is outside (a
 * JDK or standard library type), and a guess by name would point at a same-named stranger.
 */
final class TypedReceivers {

  /** Depth of the supertype walk; guards against cycles the visited set does not catch. */
  private static final int MAX_SUPERTYPES = 64;

  private final ResolutionCore core;

  /** package key + container's qualified name (dotted) + name -> packed (file, ordinal). */
  private final Map<String, long[]> members;

  /** per file: type symbol ordinal -> its INHERIT references' ordinals. */
  private final List<Map<Integer, int[]>> inherits;

  /** file + enclosing symbol + type as written -> the type symbols it resolves to. */
  private final Map<String, long[]> typesOf = new ConcurrentHashMap<>();

  /** packed type symbol -> packed supertype symbols (direct). */
  private final Map<Long, long[]> supertypes = new ConcurrentHashMap<>();

  TypedReceivers(ResolutionCore core, List<FileFacts> files) {
    this.core = core;
    Map<String, List<Long>> byContainer = new HashMap<>();
    List<Map<Integer, int[]>> inheritsOf = new ArrayList<>(files.size());
    for (int i = 0; i < files.size(); i++) {
      FileFacts f = files.get(i);
      String pkg = ResolutionCore.packageKey(f);
      for (int s = 0; s < f.symbols().size(); s++) {
        Sym sym = f.symbols().get(s);
        if (sym.container() != null) {
          byContainer
              .computeIfAbsent(
                  pkg + "\0" + ResolutionCore.dotted(sym.container()) + "\0" + sym.name(),
                  k -> new ArrayList<>())
              .add(ResolutionCore.pack(i, s));
        }
      }
      Map<Integer, List<Integer>> found = new HashMap<>();
      for (int r = 0; r < f.refs().size(); r++) {
        Ref ref = f.refs().get(r);
        if (ref.kind() == RefKind.INHERIT && ref.enclosing() >= 0) {
          found.computeIfAbsent(ref.enclosing(), k -> new ArrayList<>()).add(r);
        }
      }
      Map<Integer, int[]> arrays = new HashMap<>();
      found.forEach((k, v) -> arrays.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
      inheritsOf.add(arrays.isEmpty() ? Map.of() : arrays);
    }
    this.members = new HashMap<>(byContainer.size() * 2);
    byContainer.forEach((k, v) -> members.put(k, v.stream().mapToLong(Long::longValue).toArray()));
    this.inherits = inheritsOf;
  }

  /**
   * The member the reference names on its receiver's declared type; an empty list when the type or
   * the member is not in the branch; null when the declared type cannot be read.
   */
  @Nullable List<Long> resolve(int file, FileFacts f, Ref ref, String declaredType) {
    String type = typeName(f.language(), declaredType);
    if (type == null) {
      return null;
    }
    String key = file + "\0" + ref.enclosing() + "\0" + type;
    long[] known = typesOf.get(key);
    if (known == null) {
      known = resolveType(file, ref, type);
      typesOf.put(key, known);
    }
    List<Long> types = new ArrayList<>(known.length);
    for (long t : known) {
      types.add(t);
    }
    return onTypes(types, ref);
  }

  /** The type symbols a type name written in the file resolves to (guesses left out). */
  private long[] resolveType(int file, Ref ref, String type) {
    int dot = type.lastIndexOf('.');
    Ref typeRef =
        new Ref(
            dot < 0 ? type : type.substring(dot + 1),
            RefKind.TYPE,
            dot < 0 ? null : type.substring(0, dot),
            ref.enclosing());
    List<Long> types = new ArrayList<>();
    for (Target t : core.resolve(file, typeRef)) {
      if (t.confidence() >= ReferenceConfidence.GUESS_BELOW) {
        types.add(ResolutionCore.pack(t.file(), t.symbol()));
      }
    }
    return types.stream().mapToLong(Long::longValue).toArray();
  }

  /**
   * The members named like the reference on the type symbol or, with {@code inheritedOnly}, on its
   * supertypes only ({@code super.m()}).
   */
  List<Long> onType(long type, Ref ref, boolean inheritedOnly) {
    List<Long> start = new ArrayList<>();
    if (inheritedOnly) {
      for (long s : supertypesOf(type)) {
        start.add(s);
      }
    } else {
      start.add(type);
    }
    return onTypes(start, ref);
  }

  private List<Long> onTypes(List<Long> types, Ref ref) {
    // nearest first: the types themselves, then their supertypes, breadth first
    Set<Long> seen = new HashSet<>(types);
    List<Long> frontier = types;
    int visited = 0;
    while (!frontier.isEmpty() && visited < MAX_SUPERTYPES) {
      List<Long> found = new ArrayList<>();
      for (long t : frontier) {
        visited++;
        declared(t, ref, found);
      }
      if (!found.isEmpty()) {
        return found;
      }
      List<Long> next = new ArrayList<>();
      for (long t : frontier) {
        for (long s : supertypesOf(t)) {
          if (seen.add(s)) {
            next.add(s);
          }
        }
      }
      frontier = next;
    }
    return List.of();
  }

  /** Adds the members named like the reference that the type declares itself. */
  private void declared(long type, Ref ref, List<Long> out) {
    FileFacts f = core.file(ResolutionCore.packedFile(type));
    Sym sym = f.symbols().get(ResolutionCore.packedOrdinal(type));
    long[] found =
        members.get(
            ResolutionCore.packageKey(f)
                + "\0"
                + ResolutionCore.dotted(sym.qualifiedName())
                + "\0"
                + ref.name());
    if (found == null) {
      return;
    }
    for (long packed : found) {
      SymbolKind kind =
          core.file(ResolutionCore.packedFile(packed))
              .symbols()
              .get(ResolutionCore.packedOrdinal(packed))
              .kind();
      if (ResolutionCore.accepts(ref.kind(), kind) && !out.contains(packed)) {
        out.add(packed);
      }
    }
  }

  /** The direct supertypes of a type symbol that resolve in the branch. */
  private long[] supertypesOf(long type) {
    long[] known = supertypes.get(type);
    if (known != null) {
      return known;
    }
    int file = ResolutionCore.packedFile(type);
    int[] refs = inherits.get(file).get(ResolutionCore.packedOrdinal(type));
    List<Long> out = new ArrayList<>();
    if (refs != null) {
      for (int r : refs) {
        for (Target t : core.resolve(file, r)) {
          if (t.confidence() >= ReferenceConfidence.GUESS_BELOW) {
            out.add(ResolutionCore.pack(t.file(), t.symbol()));
          }
        }
      }
    }
    long[] result = out.stream().mapToLong(Long::longValue).toArray();
    supertypes.put(type, result);
    return result;
  }

  /**
   * The type's name as a type use would write it: generic arguments, pointers and annotations
   * stripped ({@code *pkg.Server[T]} -> {@code pkg.Server}); null for arrays, slices, maps,
   * functions and other shapes that have no members of their own here.
   */
  static @Nullable String typeName(Language language, String declared) {
    String t = declared.strip();
    while (t.startsWith("*") || t.startsWith("&")) {
      t = t.substring(1).strip();
    }
    while (t.startsWith("@")) {
      int space = t.indexOf(' ');
      if (space < 0) {
        return null;
      }
      t = t.substring(space + 1).strip();
    }
    int generic = t.indexOf(language == Language.GO ? '[' : '<');
    if (generic == 0) {
      return null;
    }
    if (generic > 0) {
      t = t.substring(0, generic);
    }
    if (t.isEmpty() || t.endsWith("]") || t.contains("[") || t.contains(" ") || t.contains("(")) {
      return null;
    }
    return t;
  }
}
