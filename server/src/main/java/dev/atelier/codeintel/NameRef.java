package dev.atelier.codeintel;

import org.jspecify.annotations.Nullable;

/**
 * A use of a name that may resolve to a definition.
 *
 * @param name the referenced simple name ({@code put})
 * @param kind how it is used
 * @param qualifier the receiver or qualifier as written ({@code cache} in {@code cache.put()},
 *     {@code fmt} in {@code fmt.Println}), or null
 * @param range the name token
 */
public record NameRef(String name, RefKind kind, @Nullable String qualifier, SourceRange range) {}
