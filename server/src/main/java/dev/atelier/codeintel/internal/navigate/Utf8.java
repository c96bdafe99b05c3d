package dev.atelier.codeintel.internal.navigate;

/** UTF-8 lengths of Java strings, for the index's byte columns. */
final class Utf8 {

  private Utf8() {}

  static int length(CharSequence text) {
    return length(text, 0, text.length());
  }

  static int length(CharSequence text, int from, int to) {
    int bytes = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
