package dev.atelier.repos;

import java.io.IOException;

/** A file changed between being hashed and being read; re-scan it rather than index stale bytes. */
public final class SourceChangedException extends IOException {

  private static final long serialVersionUID = 1L;

  public SourceChangedException(String message) {
    super(message);
  }
}
