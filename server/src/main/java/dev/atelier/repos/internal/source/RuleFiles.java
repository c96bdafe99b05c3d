package dev.atelier.repos.internal.source;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** Reads an ignore file from a folder of a source: from disk, or from a git tree. */
@FunctionalInterface
public interface RuleFiles {

  /**
   * The bytes of {@code name} in {@code folder} ("" for the root), or null if there is none.
   *
   * @throws IOException if it exists but cannot be read
   */
  byte @Nullable [] read(String folder, String name) throws IOException;
}
