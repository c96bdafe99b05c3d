package dev.atelier.codeintel.internal.retrieval;

import dev.atelier.platform.Sql;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The text of a few blobs, split into lines, for snippets. */
final class Contents {

  private final Sql sql;

  Contents(Sql sql) {
    this.sql = sql;
  }

  /** Each text blob's lines (index 0 is line 1); binary blobs are left out. */
  Map<Long, String[]> lines(long orgId, Collection<Long> blobIds) {
    Map<Long, String[]> out = new HashMap<>();
    if (blobIds.isEmpty()) {
      return out;
    }
    List<Object> params = new ArrayList<>();
    params.add(orgId);
    params.addAll(blobIds);
    sql.jdbc()
        .sql(
            "SELECT id, content FROM blobs WHERE org_id = ? AND content_kind = 'text' AND id IN ("
                + String.join(",", Collections.nCopies(blobIds.size(), "?"))
                + ")")
        .params(params)
        .query(row -> {
          byte[] bytes = row.getBytes(2);
          if (bytes != null) {
            out.put(row.getLong(1), new String(bytes, StandardCharsets.UTF_8).split("\n", -1));
          }
        });
    return out;
  }
}
