package dev.atelier.codeintel.internal.index;

import dev.atelier.codeintel.SymbolDef;
import dev.atelier.codeintel.SymbolKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Cuts a parsed file into the units semantic search embeds: one chunk per function-like symbol, one
 * per type covering its declaration up to its first member (members have their own chunks), and
 * line windows for files without such symbols.
 */
final class ChunkPlanner {

  private static final Set<SymbolKind> CALLABLES =
      EnumSet.of(SymbolKind.FUNCTION, SymbolKind.METHOD, SymbolKind.CONSTRUCTOR, SymbolKind.MACRO);
  private static final int WINDOW_LINES = 60;
  // A generated or data file gets a bounded number of windows, not hundreds.
  private static final int MAX_WINDOWS = 8;
  private static final int MIN_CHUNK_BYTES = 24;

  List<Chunk> plan(List<SymbolDef> symbols, SymbolNesting nesting, String text) {
    List<Chunk> chunks = new ArrayList<>();
    for (int i = 0; i < symbols.size(); i++) {
      SymbolDef symbol = symbols.get(i);
      if (CALLABLES.contains(symbol.kind())) {
        add(chunks, i, symbol);
      } else if (symbol.kind().isContainer()) {
        SymbolDef end = nesting.hasChildren(i) ? symbols.get(i + 1) : symbol;
        int endLine = end == symbol ? symbol.range().endLine() : end.range().startLine() - 1;
        int endByte = end == symbol ? symbol.range().endByte() : end.range().startByte();
        if (endByte - symbol.range().startByte() >= MIN_CHUNK_BYTES) {
          chunks.add(
              new Chunk(
                  i,
                  symbol.range().startLine(),
                  Math.max(symbol.range().startLine(), endLine),
                  symbol.range().startByte(),
                  endByte));
        }
      }
    }
    if (chunks.isEmpty()) {
      windows(chunks, text);
    }
    return chunks;
  }

  private static void add(List<Chunk> chunks, int ordinal, SymbolDef symbol) {
    var range = symbol.range();
    if (range.endByte() - range.startByte() >= MIN_CHUNK_BYTES) {
      chunks.add(
          new Chunk(
              ordinal, range.startLine(), range.endLine(), range.startByte(), range.endByte()));
    }
  }

  private static void windows(List<Chunk> chunks, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    int line = 1;
    int windowStartLine = 1;
    int windowStartByte = 0;
    for (int i = 0; i < bytes.length && chunks.size() < MAX_WINDOWS; i++) {
      if (bytes[i] == '\n') {
        if (line - windowStartLine + 1 == WINDOW_LINES) {
          addWindow(chunks, windowStartLine, line, windowStartByte, i + 1, bytes);
          windowStartLine = line + 1;
          windowStartByte = i + 1;
        }
        line++;
      }
    }
    if (chunks.size() < MAX_WINDOWS && windowStartByte < bytes.length) {
      int lastLine = bytes[bytes.length - 1] == '\n' ? line - 1 : line;
      addWindow(chunks, windowStartLine, lastLine, windowStartByte, bytes.length, bytes);
    }
  }

  private static void addWindow(
      List<Chunk> chunks, int startLine, int endLine, int startByte, int endByte, byte[] bytes) {
    if (endByte - startByte >= MIN_CHUNK_BYTES && !blank(bytes, startByte, endByte)) {
      chunks.add(new Chunk(-1, startLine, Math.max(startLine, endLine), startByte, endByte));
    }
  }

  private static boolean blank(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace(bytes[i])) {
        return false;
      }
    }
    return true;
  }
}
