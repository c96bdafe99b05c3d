package dev.atelier.repos;

/** Receives a source's files and skips as the source walks them. */
public interface SourceVisitor {

  void file(SourceFile file);

  void skipped(SkippedFile skipped);
}
