package dev.atelier.repos;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A tree of files to index: a working tree on disk or one commit of a git repository. */
public interface ContentSource {

  /**
   * Walks every path once, handing each to the visitor as a file or a skip. Fails with {@link
   * ReposError#SOURCE_UNREADABLE} only when the source as a whole cannot be read; a single bad file
   * is a skip.
   */
  void walk(SourceVisitor visitor);

  /** The whole walk collected, sorted by path. */
  default SourceScan scan() {
    List<SourceFile> files = new ArrayList<>();
    List<SkippedFile> skipped = new ArrayList<>();
    walk(
        new SourceVisitor() {
          @Override
          public void file(SourceFile file) {
            files.add(file);
          }

          @Override
          public void skipped(SkippedFile skip) {
            skipped.add(skip);
          }
        });
    files.sort(Comparator.comparing(SourceFile::path));
    skipped.sort(Comparator.comparing(SkippedFile::path));
    return new SourceScan(files, skipped);
  }
}
