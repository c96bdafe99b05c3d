package dev.atelier.codeintel.internal.index;

import dev.atelier.codeintel.ParsedFile;
import dev.atelier.repos.BlobId;

/**
 * One blob's parse, ready to be written: the result, the text it came from (for chunks and the text
 * index) and its line count.
 */
record ParsedBlob(BlobId blob, ParsedFile parsed, String text, int lineCount) {

  static int countLines(String text) {
    if (text.isEmpty()) {
      return 0;
    }
    int lines = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n' && i < text.length() - 1) {
        lines++;
      }
    }
    return lines;
  }
}
