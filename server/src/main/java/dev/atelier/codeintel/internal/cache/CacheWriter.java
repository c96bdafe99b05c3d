package dev.atelier.codeintel.internal.cache;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes a cache file's payload as little-endian primitives and length-prefixed arrays, in the
 * order a {@link CacheReader} reads them back. Counts the bytes written so that a layout can point
 * at its own parts.
 */
public final class CacheWriter {

  private final DataOutputStream out;
  private final ByteBuffer scratch = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
  private long position;

  CacheWriter(OutputStream out) {
    this.out = new DataOutputStream(out);
  }

  /** Bytes written so far. */
  public long position() {
    return position;
  }

  public void writeInt(int value) {
    ensure(4);
    scratch.putInt(value);
  }

  public void writeLong(long value) {
    ensure(8);
    scratch.putLong(value);
  }

  public void writeFloat(float value) {
    ensure(4);
    scratch.putFloat(value);
  }

  public void writeBytes(byte[] bytes) {
    writeInt(bytes.length);
    writeRaw(bytes);
  }

  public void writeRaw(byte[] bytes) {
    for (int at = 0; at < bytes.length; ) {
      if (!scratch.hasRemaining()) {
        flush();
      }
      int n = Math.min(scratch.remaining(), bytes.length - at);
      scratch.put(bytes, at, n);
      at += n;
      position += n;
    }
  }

  public void writeString(String value) {
    writeBytes(value.getBytes(StandardCharsets.UTF_8));
  }

  public void writeInts(int[] values) {
    writeInt(values.length);
    for (int value : values) {
      writeInt(value);
    }
  }

  public void writeLongs(long[] values) {
    writeInt(values.length);
    for (long value : values) {
      writeLong(value);
    }
  }

  public void writeFloats(float[] values) {
    writeInt(values.length);
    for (float value : values) {
      writeFloat(value);
    }
  }

  public void writeBooleans(boolean[] values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) (values[i] ? 1 : 0);
    }
    writeBytes(bytes);
  }

  public void writeStrings(String[] values) {
    writeInt(values.length);
    for (String value : values) {
      writeString(value);
    }
  }

  private void ensure(int bytes) {
    if (scratch.remaining() < bytes) {
      flush();
    }
    position += bytes;
  }

  void flush() {
    try {
      out.write(scratch.array(), 0, scratch.position());
      scratch.clear();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
