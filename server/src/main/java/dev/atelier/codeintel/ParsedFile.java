package dev.atelier.codeintel;

import java.util.List;

/**
 * What one parse of one file yields. Files with syntax errors still yield what tree-sitter
 * recovered; {@code syntaxErrors} says where it could not.
 *
 * @param language the language parsed as
 * @param packageName the file's package, namespace or module where the language declares one
 *     ({@code com.google.common.cache}, Go's {@code package http}), else empty
 * @param symbols definitions in source order
 * @param imports imports in source order
 * @param references uses of names in source order
 * @param syntaxErrors ERROR and MISSING nodes, at most a bounded number
 */
public record ParsedFile(
    Language language,
    String packageName,
    List<SymbolDef> symbols,
    List<ImportDecl> imports,
    List<NameRef> references,
    List<SourceRange> syntaxErrors) {

  public ParsedFile {
    symbols = List.copyOf(symbols);
    imports = List.copyOf(imports);
    references = List.copyOf(references);
    syntaxErrors = List.copyOf(syntaxErrors);
  }

  /** The result for a file indexed as text only. */
  public static ParsedFile text() {
    return new ParsedFile(Language.TEXT, "", List.of(), List.of(), List.of(), List.of());
  }
}
