package dev.atelier.memory.internal;

import dev.atelier.memory.Learning;
import dev.atelier.memory.LearningFilter;
import dev.atelier.memory.LearningKind;
import dev.atelier.memory.LearningScope;
import dev.atelier.memory.NewLearning;
import dev.atelier.platform.Sql;
import dev.atelier.repos.RepositoryId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The {@code learnings} table; every statement filters by org and repository. */
public final class LearningRows {

  private static final String COLUMNS =
      "id, org_id, repository_id, kind, scope, path, content, tags, source, confidence,"
          + " helpful_count, unhelpful_count, created_at, updated_at";

  private final Sql sql;

  public LearningRows(Sql sql) {
    this.sql = sql;
  }

  public Learning insert(
      long orgId, RepositoryId repository, NewLearning learning, double confidence) {
    long id =
        sql.jdbc()
            .sql(
                "INSERT INTO learnings (org_id, repository_id, kind, scope, path, content, tags,"
                    + " source, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
            .params(
                Arrays.<@Nullable Object>asList(
                    orgId,
                    repository.value(),
                    learning.kind().id(),
                    learning.scope().level().id(),
                    learning.scope().path(),
                    learning.content(),
                    String.join(" ", learning.tags()),
                    learning.source(),
                    confidence))
            .query(Long.class)
            .single();
    return find(orgId, repository, id).orElseThrow();
  }

  public Optional<Learning> find(long orgId, RepositoryId repository, long id) {
    return sql.jdbc()
        .sql(
            "SELECT "
                + COLUMNS
                + " FROM learnings WHERE org_id = ? AND repository_id = ? AND id = ?")
        .params(orgId, repository.value(), id)
        .query((row, n) -> learning(row))
        .optional();
  }

  public Optional<Learning> findSame(long orgId, RepositoryId repository, NewLearning learning) {
    return sql.jdbc()
        .sql(
            "SELECT "
                + COLUMNS
                + " FROM learnings WHERE org_id = ? AND repository_id = ? AND kind = ?"
                + " AND scope = ? AND path = ? AND content = ? ORDER BY id LIMIT 1")
        .params(
            orgId,
            repository.value(),
            learning.kind().id(),
            learning.scope().level().id(),
            learning.scope().path(),
            learning.content())
        .query((row, n) -> learning(row))
        .optional();
  }

  /** The repository's learnings at or above {@code floor}, most confident first. */
  public List<Learning> candidates(long orgId, RepositoryId repository, double floor, int limit) {
    return sql.jdbc()
        .sql(
            "SELECT "
                + COLUMNS
                + " FROM learnings WHERE org_id = ? AND repository_id = ? AND confidence >= ?"
                + " ORDER BY confidence DESC, id DESC LIMIT ?")
        .params(orgId, repository.value(), floor, limit)
        .query((row, n) -> learning(row))
        .list();
  }

  public List<Learning> list(long orgId, RepositoryId repository, LearningFilter filter) {
    StringBuilder where =
        new StringBuilder(" WHERE org_id = ? AND repository_id = ? AND confidence >= ?");
    List<Object> params =
        new ArrayList<>(List.of(orgId, repository.value(), filter.minConfidence()));
    if (filter.kind() != null) {
      where.append(" AND kind = ?");
      params.add(filter.kind().id());
    }
    if (filter.level() != null) {
      where.append(" AND scope = ?");
      params.add(filter.level().id());
    }
    String path = filter.path();
    if (path != null && !path.isEmpty()) {
      // the path itself, what is under it, or a folder above it that covers it
      where.append(
          " AND (path = ? OR substr(path, 1, ?) = ? OR (scope = 'folder' AND substr(?, 1, length(path) + 1) = path || '/'))");
      params.add(path);
      params.add(path.length() + 1);
      params.add(path + "/");
      params.add(path);
    }
    params.add(filter.limit());
    return sql.jdbc()
        .sql(
            "SELECT "
                + COLUMNS
                + " FROM learnings"
                + where
                + " ORDER BY confidence DESC, id DESC LIMIT ?")
        .params(params)
        .query((row, n) -> learning(row))
        .list();
  }

  /** Applies one feedback mark; false if the learning is not in the repository. */
  public boolean feedback(long orgId, RepositoryId repository, long id, boolean helpful) {
    String counter = helpful ? "helpful_count" : "unhelpful_count";
    return sql.jdbc()
            .sql(
                "UPDATE learnings SET confidence = "
                    + Confidence.update(helpful)
                    + ", "
                    + counter
                    + " = "
                    + counter
                    + " + 1, updated_at = "
                    + sql.now()
                    + " WHERE org_id = ? AND repository_id = ? AND id = ?")
            .params(orgId, repository.value(), id)
            .update()
        == 1;
  }

  public long count(long orgId, RepositoryId repository) {
    return sql.jdbc()
        .sql("SELECT count(*) FROM learnings WHERE org_id = ? AND repository_id = ?")
        .params(orgId, repository.value())
        .query(Long.class)
        .single();
  }

  private Learning learning(ResultSet row) throws SQLException {
    String scope = row.getString("scope");
    String tags = row.getString("tags");
    return new Learning(
        row.getLong("id"),
        row.getLong("org_id"),
        new RepositoryId(row.getLong("repository_id")),
        LearningKind.ofId(row.getString("kind")),
        new LearningScope(LearningScope.Level.ofId(scope), row.getString("path")),
        row.getString("content"),
        tags.isEmpty() ? List.of() : Arrays.asList(tags.split(" ")),
        row.getString("source"),
        row.getDouble("confidence"),
        row.getInt("helpful_count"),
        row.getInt("unhelpful_count"),
        sql.instant(row, "created_at"),
        sql.instant(row, "updated_at"));
  }
}
