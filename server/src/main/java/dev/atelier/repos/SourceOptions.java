package dev.atelier.repos;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * What sources leave out besides ignore files.
 *
 * @param maxFileBytes files larger than this are skipped as too large
 * @param skippedFolders folder names skipped at any depth unless an {@code .atelierignore}
 *     re-includes them ({@code !vendor/}); output-like names ({@code build}, {@code dist}, ...)
 *     only beside a build file, since elsewhere they are source (Go's {@code go/build})
 */
public record SourceOptions(long maxFileBytes, Set<String> skippedFolders) {

  public static final long DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

  /** Vendored dependencies, build output, caches and tool state, in the common ecosystems. */
  public static final Set<String> DEFAULT_SKIPPED_FOLDERS =
      Set.of(
          "node_modules",
          "bower_components",
          "jspm_packages",
          "vendor",
          "third_party",
          "dist",
          "build",
          "target",
          "out",
          ".next",
          ".nuxt",
          ".svelte-kit",
          ".venv",
          "venv",
          "__pycache__",
          ".mypy_cache",
          ".pytest_cache",
          ".ruff_cache",
          ".tox",
          ".eggs",
          ".gradle",
          ".terraform",
          "coverage",
          ".cache",
          ".atelier");

  public SourceOptions {
    requireNonNull(skippedFolders, "skippedFolders is null");
    skippedFolders = Set.copyOf(skippedFolders);
    // Content is held in one byte array while it is hashed and parsed.
    if (maxFileBytes <= 0 || maxFileBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "maxFileBytes must be positive and below 2 GiB: " + maxFileBytes);
    }
  }

  public static SourceOptions defaults() {
    return new SourceOptions(DEFAULT_MAX_FILE_BYTES, DEFAULT_SKIPPED_FOLDERS);
  }

  public SourceOptions withMaxFileBytes(long bytes) {
    return new SourceOptions(bytes, skippedFolders);
  }

  public SourceOptions withSkippedFolders(Set<String> folders) {
    return new SourceOptions(maxFileBytes, folders);
  }
}
