package dev.atelier.repos;

import static java.util.Objects.requireNonNull;

import dev.atelier.platform.DatabaseVendor;
import dev.atelier.platform.Sql;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Content-addressed blobs, once per org: identical content anywhere in an org's repositories and
 * branches is one row, so it is stored and parsed once. Ask {@link #missing} which of a branch's
 * blobs are new, store those, and parse only them.
 *
 * <p>To store a blob together with what is derived from it (parse results), call {@link #put}
 * inside a transaction on the same data source: the two then commit or roll back together.
 */
public final class BlobStore {

  /** Rows per IN list: well below both dialects' bind-variable limits. */
  private static final int CHUNK = 500;

  private final Sql sql;

  public BlobStore(DataSource dataSource, DatabaseVendor vendor) {
    this.sql = new Sql(dataSource, vendor);
  }

  /** Stores the blob unless the org has it already; true when it was new. */
  public boolean put(long orgId, NewBlob blob) {
    OrgIds.require(orgId);
    requireNonNull(blob, "blob is null");
    return sql.jdbc()
            .sql(
                "INSERT INTO blobs (org_id, sha256, size_bytes, content_kind, content, utf8_valid)"
                    + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (org_id, sha256) DO NOTHING")
            .param(orgId)
            .param(blob.sha().hex())
            .param(blob.size())
            .param(blob.kind().label())
            .param(blob.contentUnsafe())
            .param(blob.utf8Valid())
            .update()
        == 1;
  }

  /** Stores each blob the org lacks, in one transaction; returns how many were new. */
  public int putAll(long orgId, Collection<NewBlob> blobs) {
    OrgIds.require(orgId);
    requireNonNull(blobs, "blobs is null");
    return sql.inTransaction(() -> {
      int added = 0;
      for (NewBlob blob : blobs) {
        added += put(orgId, blob) ? 1 : 0;
      }
      return added;
    });
  }

  /** Which of {@code shas} the org has not stored yet, in the order given. */
  public Set<Sha256> missing(long orgId, Collection<Sha256> shas) {
    OrgIds.require(orgId);
    requireNonNull(shas, "shas is null");
    Set<Sha256> missing = new LinkedHashSet<>(shas);
    missing.removeAll(ids(orgId, shas).keySet());
    return missing;
  }

  /** The ids of those of {@code shas} the org has stored, for rows that hang off blobs. */
  public Map<Sha256, BlobId> ids(long orgId, Collection<Sha256> shas) {
    OrgIds.require(orgId);
    requireNonNull(shas, "shas is null");
    List<String> distinct = new ArrayList<>(new TreeSet<>(shas).stream().map(Sha256::hex).toList());
    Map<Sha256, BlobId> ids = new HashMap<>();
    for (int from = 0; from < distinct.size(); from += CHUNK) {
      List<String> chunk = distinct.subList(from, Math.min(from + CHUNK, distinct.size()));
      sql.jdbc()
          .sql("SELECT sha256, id FROM blobs WHERE org_id = :org AND sha256 IN (:shas)")
          .param("org", orgId)
          .param("shas", chunk)
          .query((row, n) ->
              Map.entry(new Sha256(row.getString("sha256")), new BlobId(row.getLong("id"))))
          .list()
          .forEach(entry -> ids.put(entry.getKey(), entry.getValue()));
    }
    return ids;
  }

  /** The stored blob with its content. */
  public Optional<Blob> find(long orgId, Sha256 sha) {
    OrgIds.require(orgId);
    requireNonNull(sha, "sha is null");
    return sql.jdbc()
        .sql(
            "SELECT id, sha256, size_bytes, content_kind, utf8_valid, content FROM blobs"
                + " WHERE org_id = ? AND sha256 = ?")
        .params(orgId, sha.hex())
        .query((row, n) ->
            new Blob(
                new BlobId(row.getLong("id")),
                new Sha256(row.getString("sha256")),
                row.getLong("size_bytes"),
                BlobKind.fromLabel(row.getString("content_kind")),
                row.getBoolean("utf8_valid"),
                row.getBytes("content")))
        .optional();
  }

  /** How many blobs the org has stored. */
  public long count(long orgId) {
    OrgIds.require(orgId);
    return sql.jdbc()
        .sql("SELECT count(*) FROM blobs WHERE org_id = ?")
        .param(orgId)
        .query(Long.class)
        .single();
  }
}
