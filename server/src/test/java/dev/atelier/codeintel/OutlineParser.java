package dev.atelier.codeintel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A parser for the indexer's own tests, over a tiny line language ({@code class A}, {@code def f}
 * nested in the last class, {@code call g} or {@code call q.g}, {@code import m}), so the
 * pipeline's bookkeeping is tested apart from tree-sitter. It records what it parsed and fails on a
 * poisoned line.
 */
final class OutlineParser implements CodeParser {

  final Set<String> parsedSources = ConcurrentHashMap.newKeySet();
  final List<String> parseOrder = java.util.Collections.synchronizedList(new ArrayList<>());

  @Override
  public ParsedFile parse(Language language, String source) {
    parsedSources.add(source);
    parseOrder.add(source);
    if (source.contains("POISON")) {
      throw new IllegalStateException("poisoned source");
    }
    List<SymbolDef> symbols = new ArrayList<>();
    List<NameRef> refs = new ArrayList<>();
    List<ImportDecl> imports = new ArrayList<>();
    String[] lines = source.split("\n", -1);
    int offset = 0;
    int classIndex = -1;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int length = line.getBytes(StandardCharsets.UTF_8).length;
      String trimmed = line.strip();
      int indent = line.indexOf(trimmed.isEmpty() ? " " : trimmed.substring(0, 1));
      SourceRange whole = new SourceRange(i + 1, 0, i + 1, length, offset, offset + length);
      SourceRange name =
          new SourceRange(i + 1, indent, i + 1, length, offset + indent, offset + length);
      if (trimmed.startsWith("class ")) {
        String n = trimmed.substring(6);
        classIndex = symbols.size();
        int end = source.getBytes(StandardCharsets.UTF_8).length;
        SourceRange body = new SourceRange(i + 1, 0, lines.length, 0, offset, end);
        symbols.add(new SymbolDef(n, SymbolKind.CLASS, null, n, "class " + n, null, body, name));
      } else if (trimmed.startsWith("def ")) {
        String n = trimmed.substring(4);
        String container = classIndex >= 0 ? symbols.get(classIndex).name() : null;
        String qualified = container == null ? n : container + "." + n;
        symbols.add(
            new SymbolDef(
                n, SymbolKind.METHOD, container, qualified, "def " + n + "()", null, whole, name));
      } else if (trimmed.startsWith("call ")) {
        // "call q.f" calls f qualified by q (q may be blank or hold a tab, as parsers can give)
        String called = line.substring(line.indexOf("call ") + 5);
        int dot = called.lastIndexOf('.');
        String qualifier = dot < 0 ? null : called.substring(0, dot);
        refs.add(new NameRef(called.substring(dot + 1), RefKind.CALL, qualifier, name));
      } else if (trimmed.startsWith("import ")) {
        imports.add(new ImportDecl(trimmed.substring(7), null, whole));
      }
      offset += length + 1;
    }
    return new ParsedFile(language, "", symbols, imports, refs, List.of());
  }

  @Override
  public String backend() {
    return "outline-test";
  }

  @Override
  public void close() {}
}
