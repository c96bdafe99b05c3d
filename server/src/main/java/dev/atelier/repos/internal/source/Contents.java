package dev.atelier.repos.internal.source;

/** Content checks shared by the sources. */
public final class Contents {

  /** How far into a file a NUL byte marks it binary; git's own heuristic looks as far. */
  public static final int BINARY_PROBE_BYTES = 8 * 1024;

  private Contents() {}

  public static boolean looksBinary(byte[] bytes) {
    int end = Math.min(bytes.length, BINARY_PROBE_BYTES);
    for (int i = 0; i < end; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  /** A size for people: {@code 1.5 MiB}. */
  public static String humanBytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
    return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
  }
}
