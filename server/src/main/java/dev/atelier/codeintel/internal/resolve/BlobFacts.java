package dev.atelier.codeintel.internal.resolve;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.ImportDecl;
import dev.atelier.codeintel.Language;
import dev.atelier.codeintel.NameRef;
import dev.atelier.codeintel.ParsedFile;
import dev.atelier.codeintel.SymbolDef;
import dev.atelier.codeintel.internal.index.PackedReferences;
import dev.atelier.codeintel.internal.index.SymbolNesting;
import dev.atelier.codeintel.internal.resolve.FileFacts.Imp;
import dev.atelier.codeintel.internal.resolve.FileFacts.Ref;
import dev.atelier.codeintel.internal.resolve.FileFacts.Sym;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What resolution needs of one blob's parse, whatever paths hold it: exactly what the index store
 * keeps of it, so a run can resolve from what it just parsed instead of reading it back.
 */
public record BlobFacts(
    Language language, String packageName, List<Sym> symbols, List<Imp> imports, List<Ref> refs) {

  public BlobFacts {
    requireNonNull(language, "language is null");
    requireNonNull(packageName, "packageName is null");
    symbols = List.copyOf(symbols);
    imports = List.copyOf(imports);
    refs = List.copyOf(refs);
  }

  /**
   * The facts of a parse, with nesting computed as the index store does; names go through {@code
   * interned} (shared by a run), so a branch holds each distinct name once.
   */
  public static BlobFacts of(ParsedFile parsed, Map<String, String> interned) {
    SymbolNesting nesting = new SymbolNesting(parsed.symbols());
    List<Sym> symbols = new ArrayList<>(parsed.symbols().size());
    for (int i = 0; i < parsed.symbols().size(); i++) {
      SymbolDef s = parsed.symbols().get(i);
      symbols.add(
          new Sym(
              intern(interned, s.name()),
              s.kind(),
              intern(interned, s.container()),
              s.qualifiedName(),
              nesting.parent(i),
              Arity.of(parsed.language(), s.kind(), s.signature())));
    }
    List<Imp> imports = new ArrayList<>(parsed.imports().size());
    for (ImportDecl i : parsed.imports()) {
      imports.add(new Imp(intern(interned, i.target()), intern(interned, i.alias())));
    }
    int[] enclosing = nesting.enclosing(parsed.references());
    List<Ref> refs = new ArrayList<>(parsed.references().size());
    for (int i = 0; i < parsed.references().size(); i++) {
      NameRef r = parsed.references().get(i);
      refs.add(
          new Ref(
              intern(interned, PackedReferences.storedName(r.name())),
              r.kind(),
              intern(interned, PackedReferences.storedQualifier(r.qualifier())),
              enclosing[i],
              intern(interned, r.receiverType()),
              r.arguments()));
    }
    return new BlobFacts(
        parsed.language(), intern(interned, parsed.packageName()), symbols, imports, refs);
  }

  /** These facts at one path of a branch. */
  public FileFacts at(String path) {
    return new FileFacts(path, language, packageName, symbols, imports, refs);
  }

  static <T extends @Nullable String> T intern(Map<String, String> interned, T value) {
    if (value == null) {
      return value;
    }
    String known = interned.putIfAbsent(value, value);
    @SuppressWarnings("unchecked")
    T result = known == null ? value : (T) known;
    return result;
  }
}
