package dev.atelier.repos;

import java.io.IOException;

/** Reads a source file's bytes when they are needed (only new blobs are read twice). */
@FunctionalInterface
public interface ContentReader {

  /**
   * The file's bytes; fails with {@link SourceChangedException} if the content no longer has the
   * hash the source reported.
   */
  byte[] read() throws IOException;
}
