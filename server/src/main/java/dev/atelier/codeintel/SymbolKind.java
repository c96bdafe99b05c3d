package dev.atelier.codeintel;

import java.util.Locale;

/** What a definition is, across languages. */
public enum SymbolKind {
  CLASS,
  INTERFACE,
  ENUM,
  RECORD,
  STRUCT,
  TRAIT,
  MODULE,
  NAMESPACE,
  FUNCTION,
  METHOD,
  CONSTRUCTOR,
  FIELD,
  PROPERTY,
  CONSTANT,
  VARIABLE,
  TYPE_ALIAS,
  ENUM_MEMBER,
  MACRO;

  /** The lower-case name stored in the index and shown to users. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SymbolKind ofId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }

  /** Whether this kind holds other definitions (its name becomes their container). */
  public boolean isContainer() {
    return switch (this) {
      case CLASS, INTERFACE, ENUM, RECORD, STRUCT, TRAIT, MODULE, NAMESPACE -> true;
      default -> false;
    };
  }
}
