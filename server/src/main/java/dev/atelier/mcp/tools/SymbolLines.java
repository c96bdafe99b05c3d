package dev.atelier.mcp.tools;

import dev.atelier.codeintel.SymbolHit;
import dev.atelier.mcp.TextBudget;
import dev.atelier.mcp.ToolAnswer;
import java.util.List;
import java.util.Map;

/** Symbols as {@code path:line kind qualified.name - signature} lines, within a budget. */
final class SymbolLines {

  private SymbolLines() {}

  static String line(SymbolHit hit) {
    return hit.path()
        + ':'
        + hit.line()
        + ' '
        + hit.kind().id()
        + ' '
        + hit.qualifiedName()
        + (hit.signature().isEmpty() ? "" : " - " + hit.signature());
  }

  static ToolAnswer answer(List<SymbolHit> hits, TextBudget text, String empty) {
    if (hits.isEmpty()) {
      text.line(empty);
    }
    int shown = 0;
    for (SymbolHit hit : hits) {
      if (!text.line(line(hit))) {
        break;
      }
      shown++;
    }
    return ToolAnswer.of(text.toString(), Map.of("symbols", hits.subList(0, shown)));
  }
}
