package dev.atelier.codeintel.internal.search;

import dev.atelier.codeintel.SymbolKind;
import java.util.Arrays;

/**
 * The symbol names of one manifest, in memory, for name matching that SQL cannot express (camel
 * humps, fuzzy subsequences). Columns as arrays keep ~200k symbols in a few MB.
 */
final class SymbolNameIndex {

  private final long[] ids;
  private final String[] names;
  private final SymbolKind[] kinds;
  private final int size;

  SymbolNameIndex(long[] ids, String[] names, SymbolKind[] kinds, int size) {
    this.ids = Arrays.copyOf(ids, size);
    this.names = Arrays.copyOf(names, size);
    this.kinds = Arrays.copyOf(kinds, size);
    this.size = size;
  }

  int size() {
    return size;
  }

  long id(int i) {
    return ids[i];
  }

  String name(int i) {
    return names[i];
  }

  SymbolKind kind(int i) {
    return kinds[i];
  }
}
