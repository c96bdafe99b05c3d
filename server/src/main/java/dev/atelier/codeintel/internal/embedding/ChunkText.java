package dev.atelier.codeintel.internal.embedding;

import org.jspecify.annotations.Nullable;

/**
 * The text embedded for a chunk. The model reads only its first 128 tokens, so the most telling
 * parts come first: a header line (path and qualified name), the signature, the doc comment (which
 * the parsers keep outside a definition's range for Go, Java, C and most others), then the body.
 */
final class ChunkText {

  /** Enough for a doc's summary; a long doc would push the whole body past the token cap. */
  static final int MAX_DOC_CHARS = 600;

  private ChunkText() {}

  static String of(
      @Nullable String path,
      @Nullable String qualifiedName,
      @Nullable String signature,
      @Nullable String doc,
      String body) {
    StringBuilder text = new StringBuilder();
    if (path != null && !path.isEmpty()) {
      text.append(path);
    }
    if (qualifiedName != null && !qualifiedName.isEmpty()) {
      text.append(text.isEmpty() ? "" : " ").append(qualifiedName);
    }
    String rest = body;
    String sig = signature == null ? "" : signature.strip();
    boolean sigFirst = !sig.isEmpty() && body.startsWith(sig);
    if (sigFirst) {
      line(text, sig);
      rest = body.substring(sig.length());
    }
    String summary = doc == null ? "" : doc.strip();
    boolean withDoc = !summary.isEmpty() && !body.contains(firstLine(summary));
    if (withDoc) {
      line(text, summary.length() > MAX_DOC_CHARS ? summary.substring(0, MAX_DOC_CHARS) : summary);
    }
    if (text.isEmpty()) {
      return body;
    }
    // Without a doc between them, the signature's line goes on into the body as written.
    return sigFirst && !withDoc ? text + rest : text.append('\n').append(rest).toString();
  }

  private static void line(StringBuilder text, String line) {
    if (!text.isEmpty()) {
      text.append('\n');
    }
    text.append(line);
  }

  private static String firstLine(String doc) {
    int newline = doc.indexOf('\n');
    return newline < 0 ? doc : doc.substring(0, newline).strip();
  }
}
