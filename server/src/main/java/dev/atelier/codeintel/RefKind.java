package dev.atelier.codeintel;

import java.util.Locale;

/** How a name is used at a reference site. */
public enum RefKind {
  /** A function or method call, or a constructor invocation. */
  CALL,
  /** A type in a declaration, cast, generic argument or annotation. */
  TYPE,
  /** A supertype in an extends/implements/inheritance list. */
  INHERIT;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RefKind ofId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
