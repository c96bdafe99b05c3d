package dev.atelier.codeintel.internal.resolve;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.Language;
import dev.atelier.codeintel.ParsedFile;
import dev.atelier.codeintel.RefKind;
import dev.atelier.codeintel.SymbolKind;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What resolution needs of one file of a branch: its path, language and package, and the parts of
 * its parse that names resolve through. Lists are indexed by ordinal, as stored against the blob.
 */
public record FileFacts(
    String path,
    Language language,
    String packageName,
    List<Sym> symbols,
    List<Imp> imports,
    List<Ref> refs) {

  public FileFacts {
    requireNonNull(path, "path is null");
    requireNonNull(language, "language is null");
    requireNonNull(packageName, "packageName is null");
    symbols = List.copyOf(symbols);
    imports = List.copyOf(imports);
    refs = List.copyOf(refs);
  }

  /**
   * A definition: {@code parent} is the enclosing symbol's ordinal, or -1 at top level; {@code
   * arity} its parameters where calls are told apart by their number (Java), see {@link Arity}.
   */
  public record Sym(
      String name,
      SymbolKind kind,
      @Nullable String container,
      String qualifiedName,
      int parent,
      int arity) {

    /** A definition whose arity is not known. */
    public Sym(
        String name,
        SymbolKind kind,
        @Nullable String container,
        String qualifiedName,
        int parent) {
      this(name, kind, container, qualifiedName, parent, Arity.UNKNOWN);
    }
  }

  /** An import as written. */
  public record Imp(String target, @Nullable String alias) {}

  /**
   * A reference: {@code enclosing} is the innermost symbol around it (the caller), or -1; {@code
   * receiverType} the receiver's declared type as written, when the parse saw it; {@code arguments}
   * a call's argument count, or -1.
   */
  public record Ref(
      String name,
      RefKind kind,
      @Nullable String qualifier,
      int enclosing,
      @Nullable String receiverType,
      int arguments) {

    /** A reference whose receiver's type and arguments are not known. */
    public Ref(String name, RefKind kind, @Nullable String qualifier, int enclosing) {
      this(name, kind, qualifier, enclosing, null, -1);
    }
  }

  /** The facts of a parse at a path, with nesting computed as the index store does. */
  public static FileFacts of(String path, ParsedFile parsed) {
    return BlobFacts.of(parsed, new java.util.HashMap<>()).at(path);
  }
}
