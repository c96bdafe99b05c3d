package dev.atelier.codeintel;

/** Hears how an index run is going, e.g. to publish progress events. */
public interface IndexListener {

  IndexListener NONE = new IndexListener() {};

  /** The run has listed the files it will look at. */
  default void started(String repository, String branch, int files) {}

  /** {@code done} of {@code total} files are indexed. */
  default void progress(String repository, String branch, int done, int total) {}
}
