package dev.atelier.codeintel.internal.history;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One commit of a walk as git named its files then: kept so the walk from a later head can reuse
 * it, and renames are resolved over the whole window at once.
 */
record WalkedCommit(Instant time, String author, Kind kind, List<Change> changes) {

  enum Kind {
    COUNTED,
    MERGE,
    MECHANICAL
  }

  /** A file the commit changed: its path after the commit (before, for a deletion). */
  record Change(String path, @Nullable String renamedFrom, long added, long removed) {}

  WalkedCommit {
    changes = List.copyOf(changes);
  }
}
