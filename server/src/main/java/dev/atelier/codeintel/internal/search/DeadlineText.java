package dev.atelier.codeintel.internal.search;

import dev.atelier.codeintel.CodeIntelError;
import dev.atelier.platform.AtelierException;

/**
 * Text that stops a regular expression once its time is up: Java's backtracking matcher has no
 * timeout, and a hostile pattern ({@code (a+)+$}) must not pin a core.
 */
final class DeadlineText implements CharSequence {

  private final CharSequence text;
  private final long deadlineNanos;
  private int reads;

  DeadlineText(CharSequence text, long deadlineNanos) {
    this.text = text;
    this.deadlineNanos = deadlineNanos;
  }

  @Override
  public char charAt(int index) {
    if ((++reads & 0xFFFF) == 0 && System.nanoTime() > deadlineNanos) {
      throw new AtelierException(
          CodeIntelError.QUERY_TOO_EXPENSIVE,
          "the regular expression ran out of time; make it more specific");
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new DeadlineText(text.subSequence(start, end), deadlineNanos);
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
