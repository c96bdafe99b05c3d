package dev.atelier.repos;

import static java.util.Objects.requireNonNull;

import dev.atelier.platform.AtelierException;
import dev.atelier.platform.DatabaseVendor;
import dev.atelier.platform.Sql;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The registered repositories of each org. Every method is scoped to one org. */
public final class Repositories {

  private static final String COLUMNS =
      "id, org_id, name, kind, location, default_branch, created_at";

  private final Sql sql;

  public Repositories(DataSource dataSource, DatabaseVendor vendor) {
    this.sql = new Sql(dataSource, vendor);
  }

  /**
   * Registers a repository; fails with {@link ReposError#REPOSITORY_EXISTS} when the org already
   * has one with that name or location.
   */
  public Repository register(long orgId, NewRepository repository) {
    OrgIds.require(orgId);
    requireNonNull(repository, "repository is null");
    Optional<Long> id =
        sql.jdbc()
            .sql(
                "INSERT INTO repositories (org_id, name, kind, location, default_branch)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id")
            .params(
                orgId,
                repository.name(),
                repository.kind().label(),
                repository.location(),
                repository.defaultBranch())
            .query(Long.class)
            .optional();
    return id.map(value -> require(orgId, new RepositoryId(value)))
        .orElseThrow(() ->
            new AtelierException(
                ReposError.REPOSITORY_EXISTS,
                "a repository named '"
                    + repository.name()
                    + "' or at "
                    + repository.location()
                    + " is already registered"));
  }

  public Optional<Repository> find(long orgId, RepositoryId id) {
    OrgIds.require(orgId);
    requireNonNull(id, "id is null");
    return sql.jdbc()
        .sql("SELECT " + COLUMNS + " FROM repositories WHERE org_id = ? AND id = ?")
        .params(orgId, id.value())
        .query(this::repository)
        .optional();
  }

  /** The repository, or {@link ReposError#REPOSITORY_NOT_FOUND} naming the id. */
  public Repository require(long orgId, RepositoryId id) {
    return find(orgId, id)
        .orElseThrow(() ->
            new AtelierException(ReposError.REPOSITORY_NOT_FOUND, "no repository with id " + id));
  }

  public Optional<Repository> findByName(long orgId, String name) {
    OrgIds.require(orgId);
    requireNonNull(name, "name is null");
    return sql.jdbc()
        .sql("SELECT " + COLUMNS + " FROM repositories WHERE org_id = ? AND name = ?")
        .params(orgId, name)
        .query(this::repository)
        .optional();
  }

  /**
   * The org's repository for a working-tree folder, registered now if it is not yet: named after
   * the folder (with a number appended when the name is taken), default branch as checked out.
   */
  public Repository registerWorkingTree(long orgId, Path folder) {
    WorkingTreeSource source = WorkingTreeSource.of(folder);
    String location = source.root().toString();
    Optional<Repository> known = findByLocation(orgId, location);
    if (known.isPresent()) {
      return known.get();
    }
    Path fileName = source.root().getFileName();
    String base = fileName == null ? "root" : fileName.toString();
    String name = base;
    for (int n = 2; findByName(orgId, name).isPresent(); n++) {
      name = base + "-" + n;
    }
    try {
      return register(
          orgId,
          new NewRepository(
              name, RepositoryKind.WORKING_TREE, location, source.checkedOutBranch("main")));
    } catch (AtelierException e) {
      // Registered by a concurrent caller between the lookup and the insert: use theirs.
      return findByLocation(orgId, location).orElseThrow(() -> e);
    }
  }

  public Optional<Repository> findByLocation(long orgId, String location) {
    OrgIds.require(orgId);
    requireNonNull(location, "location is null");
    return sql.jdbc()
        .sql("SELECT " + COLUMNS + " FROM repositories WHERE org_id = ? AND location = ?")
        .params(orgId, location)
        .query(this::repository)
        .optional();
  }

  /** The org's repositories by name. */
  public List<Repository> list(long orgId) {
    OrgIds.require(orgId);
    return sql.jdbc()
        .sql("SELECT " + COLUMNS + " FROM repositories WHERE org_id = ? ORDER BY name, id")
        .param(orgId)
        .query(this::repository)
        .list();
  }

  private Repository repository(ResultSet row, int rowNumber) throws SQLException {
    return new Repository(
        new RepositoryId(row.getLong("id")),
        row.getLong("org_id"),
        row.getString("name"),
        RepositoryKind.fromLabel(row.getString("kind")),
        row.getString("location"),
        row.getString("default_branch"),
        sql.instant(row, "created_at"));
  }
}
