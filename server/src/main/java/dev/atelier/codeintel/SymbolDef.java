package dev.atelier.codeintel;

import org.jspecify.annotations.Nullable;

/**
 * A definition found in one file.
 *
 * @param name the simple name ({@code put})
 * @param kind what it is
 * @param container the qualified name of the enclosing definition ({@code com.x.Cache}), or null at
 *     top level
 * @param qualifiedName container + separator + name, with the file's package or module where the
 *     language has one ({@code com.x.Cache.put})
 * @param signature the declaration's first line(s) without the body, whitespace collapsed
 * @param doc the doc comment or docstring, comment markers stripped, or null
 * @param range the whole definition, including its body
 * @param nameRange the name token
 */
public record SymbolDef(
    String name,
    SymbolKind kind,
    @Nullable String container,
    String qualifiedName,
    String signature,
    @Nullable String doc,
    SourceRange range,
    SourceRange nameRange) {}
