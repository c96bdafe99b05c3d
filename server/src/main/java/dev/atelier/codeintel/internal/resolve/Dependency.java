package dev.atelier.codeintel.internal.resolve;

import org.jspecify.annotations.Nullable;

/**
 * Where one import leads: a file of the branch (by index), an external package, or nowhere known.
 * An import of a package or folder yields one dependency per file of it.
 */
public record Dependency(Kind kind, int toFile, @Nullable String externalPackage) {

  public enum Kind {
    FILE,
    EXTERNAL,
    UNRESOLVED;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static final Dependency UNRESOLVED_DEPENDENCY = new Dependency(Kind.UNRESOLVED, -1, null);

  static Dependency file(int file) {
    return new Dependency(Kind.FILE, file, null);
  }

  static Dependency external(String name) {
    return new Dependency(Kind.EXTERNAL, -1, name);
  }
}
