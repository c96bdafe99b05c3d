package dev.atelier.repos;

import static java.util.Objects.requireNonNull;

import dev.atelier.platform.AtelierException;
import dev.atelier.platform.DatabaseVendor;
import dev.atelier.platform.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Branch manifests: which blob each path of a branch points at. A branch has one current manifest;
 * a new one is written in full (or derived from the current one by {@link ManifestChanges}) and
 * made current in the same transaction, so readers see either the old or the new file list, never a
 * half-written one, and a failure midway leaves the old one current.
 *
 * <p>Every blob an entry names must be stored first ({@link BlobStore}); writing fails with {@link
 * ReposError#BLOB_MISSING} otherwise. After a switch the branch keeps its current and its previous
 * manifest (for readers still on it); older ones are deleted.
 */
public final class Manifests {

  /** Rows per JDBC batch. */
  private static final int BATCH = 1000;

  private final Sql sql;

  public Manifests(DataSource dataSource, DatabaseVendor vendor) {
    this.sql = new Sql(dataSource, vendor);
  }

  /** Writes a complete manifest for the branch and makes it current, whatever was current. */
  public ManifestId replace(
      long orgId, BranchId branch, Iterable<ManifestEntry> entries, @Nullable String headCommit) {
    requireNonNull(entries, "entries is null");
    return write(orgId, branch, headCommit, (base, id) -> insertEntries(orgId, id, entries), null);
  }

  /**
   * Like {@link #replace}, but only if the branch's current manifest is still {@code expected}
   * (null: none yet); otherwise fails with {@link ReposError#MANIFEST_CONFLICT} and changes
   * nothing.
   */
  public ManifestId replaceIfCurrent(
      long orgId,
      BranchId branch,
      @Nullable ManifestId expected,
      Iterable<ManifestEntry> entries,
      @Nullable String headCommit) {
    requireNonNull(entries, "entries is null");
    return write(
        orgId,
        branch,
        headCommit,
        (base, id) -> insertEntries(orgId, id, entries),
        new Expectation(expected));
  }

  /**
   * Derives a manifest from the branch's current one (or from none) by {@code changes} and makes it
   * current; only the changed rows travel, so a one-file change stays cheap on a large branch.
   */
  public ManifestId apply(
      long orgId, BranchId branch, ManifestChanges changes, @Nullable String headCommit) {
    requireNonNull(changes, "changes is null");
    return write(
        orgId,
        branch,
        headCommit,
        (base, id) -> {
          if (base != null) {
            sql.jdbc()
                .sql(
                    "INSERT INTO manifest_entries (manifest_id, org_id, path, blob_id, file_class)"
                        + " SELECT ?, org_id, path, blob_id, file_class FROM manifest_entries"
                        + " WHERE org_id = ? AND manifest_id = ?")
                .params(id.value(), orgId, base.value())
                .update();
          }
          Set<RepoPath> touched = new TreeSet<>(changes.deletions());
          changes.upserts().forEach(entry -> touched.add(entry.path()));
          batch(
              "DELETE FROM manifest_entries WHERE org_id = ? AND manifest_id = ? AND path = ?",
              touched,
              path -> new Object[] {orgId, id.value(), path.value()});
          insertEntries(orgId, id, changes.upserts());
        },
        null);
  }

  /** The branch's current manifest, if it has been indexed. */
  public Optional<Manifest> current(long orgId, BranchId branch) {
    OrgIds.require(orgId);
    requireNonNull(branch, "branch is null");
    return sql.jdbc()
        .sql(
            "SELECT m.id, m.branch_id, m.head_commit, m.file_count, m.created_at"
                + " FROM branches b JOIN manifests m ON m.org_id = b.org_id AND m.id = b.manifest_id"
                + " WHERE b.org_id = ? AND b.id = ?")
        .params(orgId, branch.value())
        .query(this::manifest)
        .optional();
  }

  public Optional<Manifest> find(long orgId, ManifestId id) {
    OrgIds.require(orgId);
    requireNonNull(id, "id is null");
    return sql.jdbc()
        .sql(
            "SELECT id, branch_id, head_commit, file_count, created_at FROM manifests"
                + " WHERE org_id = ? AND id = ?")
        .params(orgId, id.value())
        .query(this::manifest)
        .optional();
  }

  /** The manifest's entries by path. */
  public List<ManifestEntry> entries(long orgId, ManifestId id) {
    OrgIds.require(orgId);
    requireNonNull(id, "id is null");
    return sql.jdbc()
        .sql(
            "SELECT e.path, b.sha256, e.file_class FROM manifest_entries e"
                + " JOIN blobs b ON b.org_id = e.org_id AND b.id = e.blob_id"
                + " WHERE e.org_id = ? AND e.manifest_id = ? ORDER BY e.path")
        .params(orgId, id.value())
        .query((row, n) -> {
          String fileClass = row.getString("file_class");
          return new ManifestEntry(
              new RepoPath(row.getString("path")),
              new Sha256(row.getString("sha256")),
              fileClass == null ? null : FileClass.ofStored(fileClass));
        })
        .list();
  }

  /** The blob a path points at in the manifest. */
  public Optional<Sha256> lookup(long orgId, ManifestId id, RepoPath path) {
    OrgIds.require(orgId);
    requireNonNull(id, "id is null");
    requireNonNull(path, "path is null");
    return sql.jdbc()
        .sql(
            "SELECT b.sha256 FROM manifest_entries e"
                + " JOIN blobs b ON b.org_id = e.org_id AND b.id = e.blob_id"
                + " WHERE e.org_id = ? AND e.manifest_id = ? AND e.path = ?")
        .params(orgId, id.value(), path.value())
        .query((row, n) -> new Sha256(row.getString("sha256")))
        .optional();
  }

  /**
   * What changed from {@code from} (null: an empty manifest) to {@code to}; only the differing rows
   * leave the database.
   */
  public ManifestDiff diff(long orgId, @Nullable ManifestId from, ManifestId to) {
    OrgIds.require(orgId);
    requireNonNull(to, "to is null");
    requireManifest(orgId, to);
    if (from != null) {
      requireManifest(orgId, from);
    }
    // Ids are positive, so manifest 0 selects nothing: the empty manifest.
    long fromId = from == null ? 0 : from.value();
    List<ManifestDiff.PathDifference> differences =
        sql.jdbc()
            .sql(
                "SELECT coalesce(a.path, b.path) AS path, ba.sha256 AS before_sha,"
                    + " bb.sha256 AS after_sha"
                    + " FROM (SELECT path, blob_id FROM manifest_entries"
                    + "       WHERE org_id = ? AND manifest_id = ?) a"
                    + " FULL OUTER JOIN (SELECT path, blob_id FROM manifest_entries"
                    + "       WHERE org_id = ? AND manifest_id = ?) b ON a.path = b.path"
                    + " LEFT JOIN blobs ba ON ba.org_id = ? AND ba.id = a.blob_id"
                    + " LEFT JOIN blobs bb ON bb.org_id = ? AND bb.id = b.blob_id"
                    + " WHERE a.blob_id IS DISTINCT FROM b.blob_id")
            .params(orgId, fromId, orgId, to.value(), orgId, orgId)
            .query((row, n) -> {
              String before = row.getString("before_sha");
              String after = row.getString("after_sha");
              return new ManifestDiff.PathDifference(
                  new RepoPath(row.getString("path")),
                  before == null ? null : new Sha256(before),
                  after == null ? null : new Sha256(after));
            })
            .list();
    return ManifestDiff.of(differences);
  }

  /** How the new manifest's entries are written, given the id of the one it replaces. */
  private interface Filler {
    void fill(@Nullable ManifestId base, ManifestId id);
  }

  /** The current manifest a conditional write expects; {@code id} null means none. */
  private record Expectation(@Nullable ManifestId id) {}

  private ManifestId write(
      long orgId,
      BranchId branch,
      @Nullable String headCommit,
      Filler filler,
      @Nullable Expectation expectation) {
    OrgIds.require(orgId);
    requireNonNull(branch, "branch is null");
    return sql.inTransaction(() -> {
      // Writing to the branch row first takes its lock: concurrent writers of one branch
      // queue here (a row lock in PostgreSQL, the write lock in SQLite) instead of racing.
      int locked =
          sql.jdbc()
              .sql("UPDATE branches SET manifest_id = manifest_id WHERE org_id = ? AND id = ?")
              .params(orgId, branch.value())
              .update();
      if (locked == 0) {
        throw new AtelierException(ReposError.BRANCH_NOT_FOUND, "no branch with id " + branch);
      }
      ManifestId base = currentId(orgId, branch);
      if (expectation != null && !Objects.equals(expectation.id(), base)) {
        throw new AtelierException(
            ReposError.MANIFEST_CONFLICT,
            "branch "
                + branch
                + " moved to manifest "
                + base
                + " while manifest "
                + expectation.id()
                + " was expected; re-read it and try again");
      }
      ManifestId id =
          new ManifestId(
              sql.jdbc()
                  .sql(
                      "INSERT INTO manifests (org_id, branch_id, head_commit)"
                          + " VALUES (?, ?, ?) RETURNING id")
                  .param(orgId)
                  .param(branch.value())
                  .param(headCommit)
                  .query(Long.class)
                  .single());
      filler.fill(base, id);
      long files =
          sql.jdbc()
              .sql("SELECT count(*) FROM manifest_entries WHERE org_id = ? AND manifest_id = ?")
              .params(orgId, id.value())
              .query(Long.class)
              .single();
      sql.jdbc()
          .sql("UPDATE manifests SET file_count = ? WHERE org_id = ? AND id = ?")
          .params(files, orgId, id.value())
          .update();
      sql.jdbc()
          .sql(
              "UPDATE branches SET manifest_id = ?, head_commit = ?, indexed_at = "
                  + sql.now()
                  + ", state = 'ready', files_total = ?, files_done = ?, last_error = NULL,"
                  + " state_changed_at = "
                  + sql.now()
                  + " WHERE org_id = ? AND id = ?")
          .param(id.value())
          .param(headCommit)
          .params(files, files, orgId, branch.value())
          .update();
      prune(orgId, branch, id, base == null ? id : base);
      return id;
    });
  }

  private @Nullable ManifestId currentId(long orgId, BranchId branch) {
    return sql.jdbc()
        .sql("SELECT manifest_id FROM branches WHERE org_id = ? AND id = ?")
        .params(orgId, branch.value())
        .query((row, n) -> Optional.ofNullable(Sql.nullableLong(row, "manifest_id")))
        .single()
        .map(ManifestId::new)
        .orElse(null);
  }

  /** Deletes the branch's manifests other than {@code keep} and {@code alsoKeep}. */
  private void prune(long orgId, BranchId branch, ManifestId keep, ManifestId alsoKeep) {
    String old =
        "SELECT id FROM manifests WHERE org_id = ? AND branch_id = ? AND id <> ? AND id <> ?";
    Object[] params = {orgId, branch.value(), keep.value(), alsoKeep.value()};
    sql.jdbc()
        .sql("DELETE FROM manifest_entries WHERE org_id = ? AND manifest_id IN (" + old + ")")
        .params(prepend(orgId, params))
        .update();
    sql.jdbc()
        .sql("DELETE FROM manifests WHERE org_id = ? AND id IN (" + old + ")")
        .params(prepend(orgId, params))
        .update();
  }

  private void insertEntries(long orgId, ManifestId id, Iterable<ManifestEntry> entries) {
    Set<RepoPath> seen = new HashSet<>();
    List<ManifestEntry> pending = new ArrayList<>(BATCH);
    for (ManifestEntry entry : entries) {
      requireNonNull(entry, "a manifest entry is null");
      if (!seen.add(entry.path())) {
        throw new IllegalArgumentException("path listed twice in one manifest: " + entry.path());
      }
      pending.add(entry);
      if (pending.size() == BATCH) {
        insertBatch(orgId, id, pending);
        pending.clear();
      }
    }
    insertBatch(orgId, id, pending);
  }

  private void insertBatch(long orgId, ManifestId id, List<ManifestEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    // The blob is looked up by sha in the same statement: an entry without a stored blob inserts
    // nothing, which the update count reveals.
    int[] counts =
        batch(
            "INSERT INTO manifest_entries (manifest_id, org_id, path, blob_id, file_class)"
                + " SELECT ?, ?, ?, id, CAST(? AS TEXT) FROM blobs WHERE org_id = ? AND sha256 = ?",
            entries,
            entry -> {
              FileClass fileClass = entry.fileClass();
              return new Object[] {
                id.value(),
                orgId,
                entry.path().value(),
                fileClass == null ? null : fileClass.stored(),
                orgId,
                entry.sha().hex()
              };
            });
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 0) {
        ManifestEntry entry = entries.get(i);
        throw new AtelierException(
            ReposError.BLOB_MISSING,
            "blob " + entry.sha() + " of " + entry.path() + " is not stored; put it first");
      }
    }
  }

  private <T> int[] batch(String statement, Collection<T> items, Function<T, Object[]> row) {
    List<Object[]> rows = new ArrayList<>(items.size());
    items.forEach(item -> rows.add(row.apply(item)));
    if (rows.isEmpty()) {
      return new int[0];
    }
    return sql.jdbcTemplate().batchUpdate(statement, rows);
  }

  private void requireManifest(long orgId, ManifestId id) {
    if (find(orgId, id).isEmpty()) {
      throw new AtelierException(ReposError.MANIFEST_NOT_FOUND, "no manifest with id " + id);
    }
  }

  private Manifest manifest(ResultSet row, int rowNumber) throws SQLException {
    return new Manifest(
        new ManifestId(row.getLong("id")),
        new BranchId(row.getLong("branch_id")),
        row.getString("head_commit"),
        row.getInt("file_count"),
        sql.instant(row, "created_at"));
  }

  private static Object[] prepend(Object first, Object[] rest) {
    Object[] all = new Object[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
