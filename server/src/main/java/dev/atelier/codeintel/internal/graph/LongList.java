package dev.atelier.codeintel.internal.graph;

import java.util.Arrays;

/** A growable long array, for packed edges that are sorted and merged in place. */
final class LongList {

  private long[] values = new long[1024];
  private int size;

  void add(long value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  /** The values, sorted. */
  long[] sorted() {
    long[] out = Arrays.copyOf(values, size);
    Arrays.sort(out);
    return out;
  }
}
