package dev.atelier.repos;

import static java.util.Objects.requireNonNull;

import dev.atelier.platform.AtelierException;
import dev.atelier.platform.DatabaseVendor;
import dev.atelier.platform.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The branches of each repository and their indexing status. The current manifest pointer is moved
 * only by {@link Manifests}; this class records progress and failures around it.
 */
public final class Branches {

  static final String COLUMNS =
      "id, org_id, repository_id, name, manifest_id, head_commit, indexed_at, state, files_total,"
          + " files_done, last_error, state_changed_at";

  /** Longer error texts are cut: the status is a summary, the log has the rest. */
  private static final int MAX_ERROR_LENGTH = 2000;

  private final Sql sql;

  public Branches(DataSource dataSource, DatabaseVendor vendor) {
    this.sql = new Sql(dataSource, vendor);
  }

  /** The branch of that name, registered now if the repository does not have it yet. */
  public Branch ensure(long orgId, RepositoryId repositoryId, String name) {
    OrgIds.require(orgId);
    requireNonNull(repositoryId, "repositoryId is null");
    requireNonNull(name, "name is null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("branch name is blank");
    }
    // One statement, no read-then-write transaction: under SQLite a transaction that reads before
    // it writes can fail when another writer commits in between, and busy_timeout cannot help.
    sql.jdbc()
        .sql(
            "INSERT INTO branches (org_id, repository_id, name)"
                + " SELECT ?, ?, ? WHERE EXISTS"
                + " (SELECT 1 FROM repositories WHERE org_id = ? AND id = ?)"
                + " ON CONFLICT DO NOTHING")
        .params(orgId, repositoryId.value(), name, orgId, repositoryId.value())
        .update();
    return find(orgId, repositoryId, name)
        .orElseThrow(() ->
            new AtelierException(
                ReposError.REPOSITORY_NOT_FOUND, "no repository with id " + repositoryId));
  }

  public Optional<Branch> find(long orgId, RepositoryId repositoryId, String name) {
    OrgIds.require(orgId);
    requireNonNull(repositoryId, "repositoryId is null");
    requireNonNull(name, "name is null");
    return sql.jdbc()
        .sql(
            "SELECT "
                + COLUMNS
                + " FROM branches WHERE org_id = ? AND repository_id = ? AND name = ?")
        .params(orgId, repositoryId.value(), name)
        .query(this::branch)
        .optional();
  }

  public Optional<Branch> find(long orgId, BranchId id) {
    OrgIds.require(orgId);
    requireNonNull(id, "id is null");
    return sql.jdbc()
        .sql("SELECT " + COLUMNS + " FROM branches WHERE org_id = ? AND id = ?")
        .params(orgId, id.value())
        .query(this::branch)
        .optional();
  }

  /** The branch, or {@link ReposError#BRANCH_NOT_FOUND} naming the id. */
  public Branch require(long orgId, BranchId id) {
    return find(orgId, id)
        .orElseThrow(
            () -> new AtelierException(ReposError.BRANCH_NOT_FOUND, "no branch with id " + id));
  }

  /** The repository's branches by name. */
  public List<Branch> list(long orgId, RepositoryId repositoryId) {
    OrgIds.require(orgId);
    requireNonNull(repositoryId, "repositoryId is null");
    return sql.jdbc()
        .sql(
            "SELECT "
                + COLUMNS
                + " FROM branches WHERE org_id = ? AND repository_id = ? ORDER BY name")
        .params(orgId, repositoryId.value())
        .query(this::branch)
        .list();
  }

  /** Marks an index run as started over {@code filesTotal} files; the manifest stays as it is. */
  public void startIndexing(long orgId, BranchId id, int filesTotal) {
    if (filesTotal < 0) {
      throw new IllegalArgumentException("filesTotal must not be negative: " + filesTotal);
    }
    updateStatus(
        orgId,
        id,
        "state = 'indexing', files_total = ?, files_done = 0, last_error = NULL,"
            + " state_changed_at = "
            + sql.now(),
        filesTotal);
  }

  /** Records how many files of the running index run are done. */
  public void progress(long orgId, BranchId id, int filesDone) {
    if (filesDone < 0) {
      throw new IllegalArgumentException("filesDone must not be negative: " + filesDone);
    }
    updateStatus(orgId, id, "files_done = ?", filesDone);
  }

  /** Ends a run that found nothing to change: the current manifest stays, the branch is ready. */
  public void finishUnchanged(long orgId, BranchId id) {
    updateStatus(
        orgId,
        id,
        "state = 'ready', files_done = ?, last_error = NULL, state_changed_at = "
            + sql.now()
            + ", indexed_at = "
            + sql.now(),
        find(orgId, id).map(Branch::filesTotal).orElse(0));
  }

  /** Records a failed run; the current manifest, if any, stays current. */
  public void fail(long orgId, BranchId id, String error) {
    requireNonNull(error, "error is null");
    String summary =
        error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) + "…" : error;
    updateStatus(
        orgId, id, "state = 'failed', last_error = ?, state_changed_at = " + sql.now(), summary);
  }

  private void updateStatus(long orgId, BranchId id, String assignments, Object value) {
    OrgIds.require(orgId);
    requireNonNull(id, "id is null");
    int updated =
        sql.jdbc()
            .sql("UPDATE branches SET " + assignments + " WHERE org_id = ? AND id = ?")
            .params(value, orgId, id.value())
            .update();
    if (updated == 0) {
      throw new AtelierException(ReposError.BRANCH_NOT_FOUND, "no branch with id " + id);
    }
  }

  private Branch branch(ResultSet row, int rowNumber) throws SQLException {
    Long manifestId = Sql.nullableLong(row, "manifest_id");
    return new Branch(
        new BranchId(row.getLong("id")),
        row.getLong("org_id"),
        new RepositoryId(row.getLong("repository_id")),
        row.getString("name"),
        manifestId == null ? null : new ManifestId(manifestId),
        row.getString("head_commit"),
        sql.nullableInstant(row, "indexed_at"),
        BranchState.fromLabel(row.getString("state")),
        row.getInt("files_total"),
        row.getInt("files_done"),
        row.getString("last_error"),
        sql.instant(row, "state_changed_at"));
  }
}
