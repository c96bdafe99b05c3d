package dev.atelier.codeintel.internal.browse;

import dev.atelier.platform.DatabaseVendor;
import dev.atelier.platform.Sql;
import dev.atelier.repos.ManifestId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * One level of a manifest's folder tree, read by seeking the (manifest, path) primary key: a
 * folder's files are read, its sub-folders are found and then skipped over, so the cost follows the
 * number of children, not of the files beneath them.
 */
public final class ManifestListing {

  /** A child of a folder: a file with its size in bytes, or a sub-folder (size null). */
  public record Child(String name, @Nullable Long size) {

    public boolean folder() {
      return size == null;
    }
  }

  // Rows per seek: a folder's files arrive in batches; a sub-folder ends the batch early.
  private static final int BATCH = 256;

  private final Sql sql;

  public ManifestListing(DataSource dataSource, DatabaseVendor vendor) {
    this.sql = new Sql(dataSource, vendor);
  }

  /**
   * The children of the folder whose paths start with {@code prefix} ("" for the root, else a
   * folder path ending in "/"), by name.
   */
  public List<Child> children(long orgId, ManifestId manifest, String prefix) {
    // '0' is the character after '/': every path under "a/b/" sorts below "a/b0".
    @Nullable String end = prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1) + "0";
    List<Child> children = new ArrayList<>();
    Optional<Key> next = Optional.of(new Key(prefix, true));
    while (next.isPresent()) {
      next = seek(orgId, manifest, prefix, next.get(), end, children);
    }
    return children;
  }

  /** Where a seek starts: at {@code path}, or just past it. */
  private record Key(String path, boolean inclusive) {}

  /** Reads from {@code from} on; the key to seek next, or empty when the folder is done. */
  private Optional<Key> seek(
      long orgId,
      ManifestId manifest,
      String prefix,
      Key from,
      @Nullable String end,
      List<Child> children) {
    var statement =
        sql.jdbc()
            .sql(
                "SELECT e.path, b.size_bytes FROM manifest_entries e"
                    + " JOIN blobs b ON b.org_id = e.org_id AND b.id = e.blob_id"
                    + " WHERE e.manifest_id = ? AND e.org_id = ? AND e.path "
                    + (from.inclusive() ? ">=" : ">")
                    + " ?"
                    + (end == null ? "" : " AND e.path < ?")
                    + " ORDER BY e.path LIMIT "
                    + BATCH)
            .param(manifest.value())
            .param(orgId)
            .param(from.path());
    if (end != null) {
      statement = statement.param(end);
    }
    return statement.query(rows -> {
      int read = 0;
      String last = from.path();
      while (rows.next()) {
        read++;
        last = rows.getString(1);
        String rest = last.substring(prefix.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
          children.add(new Child(rest, rows.getLong(2)));
        } else {
          String folder = rest.substring(0, slash);
          children.add(new Child(folder, null));
          return Optional.of(new Key(prefix + folder + "0", true));
        }
      }
      // A full batch of files may have more after it: go on just past the last one.
      return read == BATCH ? Optional.of(new Key(last, false)) : Optional.empty();
    });
  }
}
