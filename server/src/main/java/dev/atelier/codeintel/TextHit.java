package dev.atelier.codeintel;

import java.util.List;

/**
 * One matching line of a paged text search.
 *
 * @param path the file
 * @param line 1-based line number
 * @param column 0-based character offset of the first match in the line
 * @param length the first match's length in characters
 * @param text the line, cut to a readable length
 * @param definition whether the match names a symbol defined on this line
 * @param test whether the file is a test or test data
 * @param before up to the requested number of lines before this one, nearest last
 * @param after up to the requested number of lines after this one
 */
public record TextHit(
    String path,
    int line,
    int column,
    int length,
    String text,
    boolean definition,
    boolean test,
    List<String> before,
    List<String> after) {

  public TextHit {
    before = List.copyOf(before);
    after = List.copyOf(after);
  }
}
