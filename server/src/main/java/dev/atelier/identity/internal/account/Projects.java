package dev.atelier.identity.internal.account;

import dev.atelier.identity.IdentityError;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Database;
import dev.atelier.platform.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Projects: an org's team spaces with their own members, the container later modules hang channels,
 * boards and workflows on. Every method takes the org: a project of another org is not found.
 */
public final class Projects {

  public record Project(
      long id,
      long orgId,
      String name,
      String description,
      long createdBy,
      Instant createdAt,
      @Nullable Instant archivedAt) {}

  public record ProjectMember(long userId, String displayName, String role) {}

  private final Sql sql;
  private final Clock clock;

  public Projects(Database database, Clock clock) {
    this.sql = new Sql(database.dataSource(), database.vendor());
    this.clock = clock;
  }

  public static String name(@Nullable String name) {
    String chosen = name == null ? "" : name.strip();
    if (chosen.isEmpty()
        || chosen.length() > 100
        || chosen.chars().anyMatch(Character::isISOControl)) {
      throw new AtelierException(
          IdentityError.INVALID_ACCOUNT, "a project name is 1 to 100 printable characters");
    }
    return chosen;
  }

  public static String description(@Nullable String description) {
    String chosen = description == null ? "" : description.strip();
    if (chosen.length() > 2000) {
      throw new AtelierException(
          IdentityError.INVALID_ACCOUNT, "a description has at most 2,000 characters");
    }
    return chosen;
  }

  /** Makes a project with its creator as lead. */
  public Project create(long orgId, String name, String description, long createdBy) {
    return sql.inTransaction(() -> {
      if (findByName(orgId, name).isPresent()) {
        throw new AtelierException(
            IdentityError.PROJECT_EXISTS, "the org has a project named '" + name + "'");
      }
      long now = clock.millis();
      long id =
          sql.jdbc()
              .sql(
                  "insert into projects (org_id, name, description, created_by, created_at)"
                      + " values (?, ?, ?, ?, ?) returning id")
              .params(orgId, name, description, createdBy, now)
              .query(Long.class)
              .single();
      addMember(orgId, id, createdBy, "lead");
      return find(orgId, id).orElseThrow();
    });
  }

  public List<Project> list(long orgId) {
    return sql.jdbc()
        .sql("select * from projects where org_id = ? order by name")
        .param(orgId)
        .query(Projects::project)
        .list();
  }

  public Optional<Project> find(long orgId, long id) {
    return sql.jdbc()
        .sql("select * from projects where org_id = ? and id = ?")
        .params(orgId, id)
        .query(Projects::project)
        .optional();
  }

  private Optional<Project> findByName(long orgId, String name) {
    return sql.jdbc()
        .sql("select * from projects where org_id = ? and name = ?")
        .params(orgId, name)
        .query(Projects::project)
        .optional();
  }

  public Project update(long orgId, long id, String name, String description, boolean archived) {
    return sql.inTransaction(() -> {
      Optional<Project> clash = findByName(orgId, name);
      if (clash.isPresent() && clash.get().id() != id) {
        throw new AtelierException(
            IdentityError.PROJECT_EXISTS, "the org has a project named '" + name + "'");
      }
      Project before = find(orgId, id).orElseThrow();
      Long archivedAt =
          archived
              ? (before.archivedAt() == null ? clock.millis() : before.archivedAt().toEpochMilli())
              : null;
      sql.jdbc()
          .sql(
              "update projects set name = ?, description = ?, archived_at = ? where org_id = ?"
                  + " and id = ?")
          .params(
              java.util.Arrays.<@Nullable Object>asList(name, description, archivedAt, orgId, id))
          .update();
      return find(orgId, id).orElseThrow();
    });
  }

  public void delete(long orgId, long id) {
    sql.jdbc().sql("delete from projects where org_id = ? and id = ?").params(orgId, id).update();
  }

  public List<ProjectMember> members(long orgId, long projectId) {
    return sql.jdbc()
        .sql(
            "select u.id, u.display_name, p.role from project_members p join users u on u.id ="
                + " p.user_id where p.org_id = ? and p.project_id = ? order by u.id")
        .params(orgId, projectId)
        .query(
            (rows, n) -> new ProjectMember(rows.getLong(1), rows.getString(2), rows.getString(3)))
        .list();
  }

  public boolean isMember(long orgId, long projectId, long userId) {
    return sql.jdbc()
            .sql(
                "select count(*) from project_members where org_id = ? and project_id = ? and"
                    + " user_id = ?")
            .params(orgId, projectId, userId)
            .query(Long.class)
            .single()
        > 0;
  }

  public void addMember(long orgId, long projectId, long userId, String role) {
    sql.jdbc()
        .sql(
            "insert into project_members (org_id, project_id, user_id, role, created_at) values"
                + " (?, ?, ?, ?, ?)")
        .params(orgId, projectId, userId, role, clock.millis())
        .update();
  }

  public boolean removeMember(long orgId, long projectId, long userId) {
    return sql.jdbc()
            .sql("delete from project_members where org_id = ? and project_id = ? and user_id = ?")
            .params(orgId, projectId, userId)
            .update()
        > 0;
  }

  /** Drops a user from every project of an org (when they leave it or are removed). */
  public void removeFromOrg(long orgId, long userId) {
    sql.jdbc()
        .sql("delete from project_members where org_id = ? and user_id = ?")
        .params(orgId, userId)
        .update();
  }

  private static Project project(ResultSet rows, int n) throws SQLException {
    long archived = rows.getLong("archived_at");
    Instant archivedAt = rows.wasNull() ? null : Instant.ofEpochMilli(archived);
    return new Project(
        rows.getLong("id"),
        rows.getLong("org_id"),
        rows.getString("name"),
        rows.getString("description"),
        rows.getLong("created_by"),
        Instant.ofEpochMilli(rows.getLong("created_at")),
        archivedAt);
  }
}
