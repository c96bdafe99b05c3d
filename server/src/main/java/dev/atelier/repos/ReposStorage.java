package dev.atelier.repos;

import static java.util.Objects.requireNonNull;

import dev.atelier.platform.Database;
import dev.atelier.platform.DatabaseVendor;
import javax.sql.DataSource;

/**
 * The repos module's stores over one database, wired by hand: {@code serve} registers them as
 * beans, the CLI uses them directly.
 *
 * @param repositories registered repositories
 * @param branches branches and their indexing status
 * @param blobs content-addressed blobs
 * @param manifests branch manifests
 */
public record ReposStorage(
    Repositories repositories, Branches branches, BlobStore blobs, Manifests manifests) {

  public ReposStorage {
    requireNonNull(repositories, "repositories is null");
    requireNonNull(branches, "branches is null");
    requireNonNull(blobs, "blobs is null");
    requireNonNull(manifests, "manifests is null");
  }

  public static ReposStorage of(DataSource dataSource, DatabaseVendor vendor) {
    requireNonNull(dataSource, "dataSource is null");
    requireNonNull(vendor, "vendor is null");
    return new ReposStorage(
        new Repositories(dataSource, vendor),
        new Branches(dataSource, vendor),
        new BlobStore(dataSource, vendor),
        new Manifests(dataSource, vendor));
  }

  public static ReposStorage of(Database database) {
    requireNonNull(database, "database is null");
    return of(database.dataSource(), database.vendor());
  }
}
