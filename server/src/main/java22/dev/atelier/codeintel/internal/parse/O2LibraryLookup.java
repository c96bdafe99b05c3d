package dev.atelier.codeintel.internal.parse;

import io.github.treesitter.jtreesitter.NativeLibraryLookup;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Tells jtreesitter where its core library is: the -O2 library extracted by {@link NativeLibrary}
 * (registered in {@code META-INF/services}).
 */
public final class O2LibraryLookup implements NativeLibraryLookup {

  @Override
  public SymbolLookup get(Arena arena) {
    Optional<Path> path = NativeLibrary.path();
    if (path.isEmpty()) {
      return name -> Optional.empty();
    }
    return SymbolLookup.libraryLookup(path.get(), arena);
  }
}
