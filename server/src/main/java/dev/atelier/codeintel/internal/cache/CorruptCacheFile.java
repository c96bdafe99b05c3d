package dev.atelier.codeintel.internal.cache;

/** A cache file that is not what its writer wrote (truncated, overwritten, another format). */
public final class CorruptCacheFile extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CorruptCacheFile(String message) {
    super(message);
  }

  public CorruptCacheFile(String message, Throwable cause) {
    super(message, cause);
  }
}
