package dev.atelier.codeintel.internal.index;

/** A span of a blob to embed: a symbol (ordinal >= 0) or a window of a file (-1). */
record Chunk(int symbolOrdinal, int startLine, int endLine, int startByte, int endByte) {

  int tokenEstimate() {
    return Math.max(1, (endByte - startByte) / 4);
  }
}
