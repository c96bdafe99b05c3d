package dev.atelier.codeintel.internal.parse;

import dev.atelier.codeintel.Language;
import dev.atelier.codeintel.SymbolDef;
import dev.atelier.codeintel.SymbolKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The declared types of a file's names, as far as one file shows them: locals, parameters, fields
 * and Go receivers, each visible inside the innermost definition (function, method, type) around
 * its declaration. Answers the type of a reference's receiver ({@code cache} in {@code
 * cache.put()}, {@code this.cache} in Java) so resolution can look the member up on that type.
 */
final class ReceiverTypes {

  /** A declared name and its type as written; {@code start} is the name's byte offset. */
  record Binding(String name, String type, int start) {}

  /** A binding with the byte range it is visible in. */
  private record Scoped(Binding binding, int from, int to) {}

  private final boolean thisPrefix;
  private final Map<String, List<Scoped>> byName = new HashMap<>();

  ReceiverTypes(Language language, List<Binding> bindings, List<SymbolDef> symbols) {
    this.thisPrefix =
        switch (language) {
          case JAVA, CSHARP, TYPESCRIPT, TSX, JAVASCRIPT -> true;
          default -> false;
        };
    if (bindings.isEmpty()) {
      return;
    }
    // Sweep definitions (source order, outer first) and bindings together: the innermost open
    // scope-holding definition at a binding is where it is visible.
    List<Binding> sorted = new ArrayList<>(bindings);
    sorted.sort(Comparator.comparingInt(Binding::start));
    List<SymbolDef> scopes = new ArrayList<>();
    for (SymbolDef s : symbols) {
      if (holdsScope(s.kind())) {
        scopes.add(s);
      }
    }
    int[] stackFrom = new int[scopes.size() + 1];
    int[] stackTo = new int[scopes.size() + 1];
    int depth = 0;
    int next = 0;
    for (Binding b : sorted) {
      if (b.type().equals("var") || b.name().isEmpty()) {
        continue;
      }
      while (next < scopes.size() && scopes.get(next).range().startByte() <= b.start()) {
        SymbolDef s = scopes.get(next++);
        while (depth > 0 && stackTo[depth - 1] <= s.range().startByte()) {
          depth--;
        }
        stackFrom[depth] = s.range().startByte();
        stackTo[depth] = s.range().endByte();
        depth++;
      }
      while (depth > 0 && stackTo[depth - 1] <= b.start()) {
        depth--;
      }
      int from = depth > 0 ? stackFrom[depth - 1] : 0;
      int to = depth > 0 ? stackTo[depth - 1] : Integer.MAX_VALUE;
      byName.computeIfAbsent(b.name(), k -> new ArrayList<>()).add(new Scoped(b, from, to));
    }
  }

  private static boolean holdsScope(SymbolKind kind) {
    return kind.isContainer()
        || kind == SymbolKind.FUNCTION
        || kind == SymbolKind.METHOD
        || kind == SymbolKind.CONSTRUCTOR;
  }

  /**
   * The declared type of a receiver written {@code qualifier} at byte {@code at}: the declaration
   * in the innermost scope around it, the last one before it there (else the first: a field
   * declared below its use); null when it is not a plain name declared in this file.
   */
  @Nullable String of(String qualifier, int at) {
    if (byName.isEmpty()) {
      return null;
    }
    String name = qualifier;
    if (thisPrefix && name.startsWith("this.")) {
      name = name.substring(5);
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isJavaIdentifierPart(c)) {
        return null;
      }
    }
    List<Scoped> candidates = byName.get(name);
    if (candidates == null) {
      return null;
    }
    Scoped best = null;
    for (Scoped s : candidates) {
      if (at < s.from() || at >= s.to()) {
        continue;
      }
      if (best == null || s.to() - s.from() < best.to() - best.from()) {
        best = s;
      } else if (s.to() - s.from() == best.to() - best.from()
          && s.binding().start() <= at
          && s.binding().start() > best.binding().start()) {
        best = s;
      }
    }
    return best == null ? null : best.binding().type();
  }
}
