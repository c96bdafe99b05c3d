package dev.atelier.repos;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Everything a source offered, in path order: the files to index and the paths it left out.
 *
 * @param files the files to index
 * @param skipped the paths left out, with reasons
 */
public record SourceScan(List<SourceFile> files, List<SkippedFile> skipped) {

  public SourceScan {
    files = List.copyOf(requireNonNull(files, "files is null"));
    skipped = List.copyOf(requireNonNull(skipped, "skipped is null"));
  }

  /** The files as manifest entries. */
  public List<ManifestEntry> entries() {
    return files.stream().map(SourceFile::entry).toList();
  }
}
