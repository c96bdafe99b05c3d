package dev.atelier.codeintel;

/**
 * Parses source files with tree-sitter and extracts symbols, imports and references with the
 * per-language query files. Safe to call from many threads at once.
 */
public interface CodeParser extends AutoCloseable {

  /**
   * Parses one file. Never throws for bad source: syntax errors are reported in the result.
   *
   * @param language the file's language; {@link Language#TEXT} yields {@link ParsedFile#text()}
   * @param source the file's content
   */
  ParsedFile parse(Language language, String source);

  /** Which natives do the parsing: {@code "tree-sitter-o2"} (built here) or {@code "bonede"}. */
  String backend();

  @Override
  void close();
}
