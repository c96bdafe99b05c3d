package dev.atelier.codeintel;

/**
 * A span of a source file. Lines are 1-based; columns are 0-based UTF-8 byte offsets within the
 * line; bytes are 0-based offsets into the file's UTF-8 content (end exclusive).
 */
public record SourceRange(
    int startLine, int startColumn, int endLine, int endColumn, int startByte, int endByte) {

  public SourceRange {
    if (startLine < 1 || endLine < startLine || startByte < 0 || endByte < startByte) {
      throw new IllegalArgumentException(
          "bad range %d:%d-%d:%d".formatted(startLine, startColumn, endLine, endColumn));
    }
  }
}
