package dev.atelier.codeintel.internal.index;

import dev.atelier.codeintel.NameRef;
import dev.atelier.codeintel.SymbolDef;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Which symbol encloses which: the parent of each symbol and the innermost symbol around each
 * reference (its caller), by byte ranges. Symbols come in source order, so one stack sweep does.
 */
public final class SymbolNesting {

  private final List<SymbolDef> symbols;
  private final int[] parents;

  public SymbolNesting(List<SymbolDef> symbols) {
    this.symbols = symbols;
    this.parents = new int[symbols.size()];
    Deque<Integer> open = new ArrayDeque<>();
    for (int i = 0; i < symbols.size(); i++) {
      SymbolDef symbol = symbols.get(i);
      while (!open.isEmpty() && !contains(symbols.get(open.peek()), symbol.range().startByte())) {
        open.pop();
      }
      parents[i] = open.isEmpty() ? -1 : open.peek();
      open.push(i);
    }
  }

  /** The ordinal of the symbol's parent, or -1 at top level. */
  public int parent(int ordinal) {
    return parents[ordinal];
  }

  /** Whether the symbol has a nested symbol; the first child's ordinal is then ordinal + 1. */
  boolean hasChildren(int ordinal) {
    return ordinal + 1 < parents.length && parents[ordinal + 1] == ordinal;
  }

  /**
   * The innermost symbol whose range contains each reference, or -1. References come in source
   * order too, so a cursor over the symbols walks forward once.
   */
  public int[] enclosing(List<NameRef> references) {
    int[] result = new int[references.size()];
    int next = 0;
    int current = -1;
    for (int r = 0; r < references.size(); r++) {
      int at = references.get(r).range().startByte();
      while (next < symbols.size() && symbols.get(next).range().startByte() <= at) {
        current = next++;
      }
      int candidate = current;
      while (candidate >= 0 && !contains(symbols.get(candidate), at)) {
        candidate = parents[candidate];
      }
      result[r] = candidate;
    }
    return result;
  }

  private static boolean contains(SymbolDef symbol, int byteOffset) {
    return symbol.range().startByte() <= byteOffset && byteOffset < symbol.range().endByte();
  }
}
