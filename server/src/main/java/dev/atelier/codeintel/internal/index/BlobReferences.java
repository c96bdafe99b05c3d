package dev.atelier.codeintel.internal.index;

import dev.atelier.codeintel.internal.index.PackedReferences.StoredReference;
import dev.atelier.platform.Sql;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads blobs' references from their packed rows ({@code blob_refs}). */
public final class BlobReferences {

  private static final int IN_LIST = 500;

  private final Sql sql;

  public BlobReferences(Sql sql) {
    this.sql = sql;
  }

  /** One blob's references by ordinal; empty when it has none. */
  public List<StoredReference> of(long orgId, long blobId) {
    return PackedReferences.unpack(
        sql.jdbc()
            .sql("SELECT refs FROM blob_refs WHERE org_id = ? AND blob_id = ?")
            .params(orgId, blobId)
            .query(String.class)
            .optional()
            .orElse(null));
  }

  /** The references of each of the blobs that has any, by blob id. */
  public Map<Long, List<StoredReference>> of(long orgId, Collection<Long> blobIds) {
    Map<Long, List<StoredReference>> found = new HashMap<>();
    List<Long> all = List.copyOf(blobIds);
    for (int from = 0; from < all.size(); from += IN_LIST) {
      List<Long> slice = all.subList(from, Math.min(all.size(), from + IN_LIST));
      List<Object> params = new ArrayList<>(slice.size() + 1);
      params.add(orgId);
      params.addAll(slice);
      sql.jdbc()
          .sql(
              "SELECT blob_id, refs FROM blob_refs WHERE org_id = ? AND blob_id IN ("
                  + String.join(",", Collections.nCopies(slice.size(), "?"))
                  + ")")
          .params(params)
          .query(row -> {
            found.put(row.getLong(1), PackedReferences.unpack(row.getString(2)));
          });
    }
    return found;
  }
}
