package dev.atelier.codeintel.internal.browse;

import dev.atelier.platform.DatabaseVendor;
import dev.atelier.platform.Sql;
import dev.atelier.repos.ManifestId;
import java.util.List;
import javax.sql.DataSource;

/** The paths and blob sizes of a manifest under a folder prefix, by path. */
public final class ManifestListing {

  /** A file of the manifest with its size in bytes. */
  public record File(String path, long size) {}

  private final Sql sql;

  public ManifestListing(DataSource dataSource, DatabaseVendor vendor) {
    this.sql = new Sql(dataSource, vendor);
  }

  /** Files whose path starts with {@code prefix} ("" for all). */
  public List<File> under(long orgId, ManifestId manifest, String prefix) {
    // substr compares the prefix literally on both databases (LIKE would need escaping of _ and %).
    String filter = prefix.isEmpty() ? "" : " AND substr(e.path, 1, ?) = ?";
    var statement =
        sql.jdbc()
            .sql(
                "SELECT e.path, b.size_bytes FROM manifest_entries e"
                    + " JOIN blobs b ON b.org_id = e.org_id AND b.id = e.blob_id"
                    + " WHERE e.org_id = ? AND e.manifest_id = ?"
                    + filter
                    + " ORDER BY e.path")
            .param(orgId)
            .param(manifest.value());
    if (!prefix.isEmpty()) {
      statement = statement.param(prefix.length()).param(prefix);
    }
    return statement.query((row, n) -> new File(row.getString(1), row.getLong(2))).list().stream()
        .filter(file -> file.path().startsWith(prefix))
        .toList();
  }
}
