package dev.atelier.codeintel.internal.cache;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads what a {@link CacheWriter} wrote, from a (usually memory-mapped) buffer. Every length is
 * checked against what is left, so a damaged file ends in {@link CorruptCacheFile}, never in a huge
 * allocation or a wrong array.
 */
public final class CacheReader {

  private final ByteBuffer buffer;

  CacheReader(ByteBuffer buffer) {
    this.buffer = buffer.slice().order(ByteOrder.LITTLE_ENDIAN);
  }

  /** The payload, for layouts that look parts up by position instead of reading in order. */
  public ByteBuffer buffer() {
    return buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(0);
  }

  public int position() {
    return buffer.position();
  }

  public void position(int position) {
    if (position < 0 || position > buffer.limit()) {
      throw new CorruptCacheFile("position " + position + " is outside the payload");
    }
    buffer.position(position);
  }

  public int readInt() {
    try {
      return buffer.getInt();
    } catch (BufferUnderflowException e) {
      throw new CorruptCacheFile("the payload ends early", e);
    }
  }

  public long readLong() {
    try {
      return buffer.getLong();
    } catch (BufferUnderflowException e) {
      throw new CorruptCacheFile("the payload ends early", e);
    }
  }

  public byte[] readBytes() {
    int length = length(1);
    byte[] bytes = new byte[length];
    buffer.get(bytes);
    return bytes;
  }

  public String readString() {
    return new String(readBytes(), StandardCharsets.UTF_8);
  }

  public int[] readInts() {
    int length = length(4);
    int[] values = new int[length];
    buffer.asIntBuffer().get(values);
    buffer.position(buffer.position() + length * 4);
    return values;
  }

  public long[] readLongs() {
    int length = length(8);
    long[] values = new long[length];
    buffer.asLongBuffer().get(values);
    buffer.position(buffer.position() + length * 8);
    return values;
  }

  public float[] readFloats() {
    int length = length(4);
    float[] values = new float[length];
    buffer.asFloatBuffer().get(values);
    buffer.position(buffer.position() + length * 4);
    return values;
  }

  public boolean[] readBooleans() {
    byte[] bytes = readBytes();
    boolean[] values = new boolean[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      values[i] = bytes[i] != 0;
    }
    return values;
  }

  public String[] readStrings() {
    int length = length(4);
    String[] values = new String[length];
    for (int i = 0; i < length; i++) {
      values[i] = readString();
    }
    return values;
  }

  /** A count prefix, checked: {@code width} bytes per element must still be there. */
  private int length(int width) {
    int length = readInt();
    if (length < 0 || (long) length * width > buffer.remaining()) {
      throw new CorruptCacheFile("a length of " + length + " runs past the payload");
    }
    return length;
  }
}
