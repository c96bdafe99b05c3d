package dev.atelier.codeintel;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Restricts a vector search to some blobs (for example those of one branch's manifest) or to some
 * chunks. A null set means "no restriction on this"; both sets given means a hit must be in both.
 */
public record VectorFilter(@Nullable Set<Long> blobIds, @Nullable Set<Long> chunkIds) {

  public static final VectorFilter NONE = new VectorFilter(null, null);

  public VectorFilter {
    blobIds = blobIds == null ? null : Set.copyOf(blobIds);
    chunkIds = chunkIds == null ? null : Set.copyOf(chunkIds);
  }

  public static VectorFilter blobs(Set<Long> blobIds) {
    return new VectorFilter(requireNonNull(blobIds, "blobIds is null"), null);
  }

  public static VectorFilter chunks(Set<Long> chunkIds) {
    return new VectorFilter(null, requireNonNull(chunkIds, "chunkIds is null"));
  }

  public boolean isNone() {
    return blobIds == null && chunkIds == null;
  }

  /** Whether a chunk of a blob passes the filter. */
  public boolean allows(long blobId, long chunkId) {
    return (blobIds == null || blobIds.contains(blobId))
        && (chunkIds == null || chunkIds.contains(chunkId));
  }
}
