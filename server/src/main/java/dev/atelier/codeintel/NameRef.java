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
 * @param receiverType the receiver's declared type as written ({@code LocalCache<K, V>}, {@code
 *     *Server}) when the parse saw its declaration (a local, parameter, field, Go receiver), or
 *     null
 * @param arguments the number of arguments of a call where the parse counts them (Java), else -1
 */
public record NameRef(
    String name,
    RefKind kind,
    @Nullable String qualifier,
    SourceRange range,
    @Nullable String receiverType,
    int arguments) {

  /** A use whose receiver's type and arguments are not known. */
  public NameRef(String name, RefKind kind, @Nullable String qualifier, SourceRange range) {
    this(name, kind, qualifier, range, null, -1);
  }
}
