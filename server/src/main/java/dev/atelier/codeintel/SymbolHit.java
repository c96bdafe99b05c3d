package dev.atelier.codeintel;

import org.jspecify.annotations.Nullable;

/**
 * A symbol found by name.
 *
 * @param name the simple name
 * @param kind what it is
 * @param qualifiedName with container and package
 * @param container the enclosing definition, or null
 * @param signature the declaration without the body
 * @param path the file
 * @param line 1-based line of the name
 * @param column 0-based column of the name
 * @param score higher is better
 * @param match how the name matched: exact, prefix, camel_hump, substring or fuzzy
 */
public record SymbolHit(
    String name,
    SymbolKind kind,
    String qualifiedName,
    @Nullable String container,
    String signature,
    String path,
    int line,
    int column,
    int score,
    String match) {}
