package dev.atelier.codeintel.internal.cache;

import dev.atelier.platform.Sql;

/**
 * What names one manifest across databases: its id and when it was created. Ids restart at 1 when a
 * data folder's database is deleted and made again beside an old cache folder; the creation time
 * (to the millisecond) does not repeat, so such files are misses.
 */
public final class ManifestKeys {

  private ManifestKeys() {}

  public static String of(Sql sql, long orgId, long manifestId) {
    String created =
        sql.jdbc()
            .sql("SELECT created_at FROM manifests WHERE org_id = ? AND id = ?")
            .params(orgId, manifestId)
            .query((row, n) -> String.valueOf(row.getString(1)))
            .optional()
            .orElse("unknown");
    return "org " + orgId + " manifest " + manifestId + " created " + created;
  }
}
