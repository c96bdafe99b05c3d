package dev.atelier.codeintel.internal.content;

import dev.atelier.codeintel.Language;
import dev.atelier.codeintel.internal.classify.FileClasses;
import dev.atelier.platform.DatabaseVendor;
import dev.atelier.platform.Sql;
import dev.atelier.repos.FileClass;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The files of an indexed branch as {@code branch_files} lists them, with their stored blobs: one
 * query shape for SQLite and PostgreSQL ({@code blobs.content} is bytes on both).
 */
public final class BranchContent {

  private final Sql sql;
  private final JdbcTemplate streaming;

  public BranchContent(DataSource dataSource, DatabaseVendor vendor) {
    this.sql = new Sql(dataSource, vendor);
    this.streaming = new JdbcTemplate(dataSource);
    this.streaming.setFetchSize(200);
  }

  /**
   * One file of the branch.
   *
   * @param fileId its id in {@code branch_files}
   * @param text its content, or null when stored as binary or too large
   * @param language as parsed, or as its extension says when it was not parsed
   */
  public record StoredFile(
      String path, int fileId, long blobId, long size, @Nullable String text, Language language) {}

  /** A file's size and what the parse recorded about it, without its content. */
  public record FileStat(String path, long size, Language language, int lines, boolean text) {}

  public Optional<StoredFile> file(long orgId, long branchId, String path) {
    return sql.jdbc()
        .sql(
            "SELECT f.file_id, f.blob_id, b.size_bytes, b.content, p.language FROM branch_files f"
                + " JOIN blobs b ON b.org_id = f.org_id AND b.id = f.blob_id"
                + " LEFT JOIN blob_parses p ON p.org_id = f.org_id AND p.blob_id = f.blob_id"
                + " WHERE f.org_id = ? AND f.branch_id = ? AND f.path = ?")
        .params(orgId, branchId, path)
        .query((row, n) ->
            new StoredFile(
                path,
                row.getInt(1),
                row.getLong(2),
                row.getLong(3),
                text(row, 4),
                language(path, row.getString(5))))
        .optional();
  }

  /** What the indexer decided each file of the branch's current manifest is, by path. */
  public Map<String, FileClass> classes(long orgId, long branchId) {
    return FileClasses.ofBranch(sql, orgId, branchId);
  }

  /** Whether some file of the branch lies under {@code folder} (the root is "" ). */
  public boolean folderExists(long orgId, long branchId, String folder) {
    if (folder.isEmpty()) {
      return true;
    }
    String prefix = folder + "/";
    return !sql.jdbc()
        .sql(
            "SELECT 1 FROM branch_files WHERE org_id = ? AND branch_id = ?"
                + " AND substr(path, 1, ?) = ? LIMIT 1")
        .params(orgId, branchId, prefix.length(), prefix)
        .query(Integer.class)
        .list()
        .isEmpty();
  }

  /**
   * A condition on {@code column} selecting the paths that start with {@code prefix} ("" for all),
   * and its parameters. On SQLite a range on the path index narrows first ('/' + 1 is '0');
   * PostgreSQL's text order follows the database collation, so only the exact test is used there.
   */
  public record Under(String sql, List<Object> params) {}

  public Under under(String column, String prefix) {
    if (prefix.isEmpty()) {
      return new Under("1 = 1", List.of());
    }
    String exact = "substr(" + column + ", 1, ?) = ?";
    return switch (sql.vendor()) {
      case SQLITE ->
          new Under(
              column + " >= ? AND " + column + " < ? AND " + exact,
              List.of(prefix, upperBound(prefix), prefix.length(), prefix));
      case POSTGRESQL -> new Under(exact, List.of(prefix.length(), prefix));
    };
  }

  /** The smallest string above every string starting with {@code prefix}. */
  private static String upperBound(String prefix) {
    char last = prefix.charAt(prefix.length() - 1);
    return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
  }

  /** Every file under {@code folder} ("" for all), with sizes, languages and line counts. */
  public List<FileStat> stats(long orgId, long branchId, String folder) {
    String prefix = folder.isEmpty() ? "" : folder + "/";
    Under under = under("f.path", prefix);
    List<Object> params = new ArrayList<>(List.of(orgId, branchId));
    params.addAll(under.params());
    List<FileStat> out = new ArrayList<>();
    streaming.query(
        "SELECT f.path, b.size_bytes, b.content_kind, p.language, p.line_count FROM branch_files f"
            + " JOIN blobs b ON b.org_id = f.org_id AND b.id = f.blob_id"
            + " LEFT JOIN blob_parses p ON p.org_id = f.org_id AND p.blob_id = f.blob_id"
            + " WHERE f.org_id = ? AND f.branch_id = ? AND "
            + under.sql(),
        row -> {
          String path = row.getString(1);
          out.add(
              new FileStat(
                  path,
                  row.getLong(2),
                  language(path, row.getString(4)),
                  row.getInt(5),
                  "text".equals(row.getString(3))));
        },
        params.toArray());
    return out;
  }

  /** Streams the text of every text file whose path passes {@code paths}, in path order. */
  public void eachText(long orgId, long branchId, Predicate<String> paths, TextVisitor visitor) {
    streaming.query(
        "SELECT f.path, b.content FROM branch_files f"
            + " JOIN blobs b ON b.org_id = f.org_id AND b.id = f.blob_id"
            + " WHERE f.org_id = ? AND f.branch_id = ? AND b.content_kind = 'text'"
            + " ORDER BY f.path",
        row -> {
          String path = row.getString(1);
          if (path != null && paths.test(path)) {
            String text = text(row, 2);
            if (text != null) {
              visitor.file(path, text);
            }
          }
        },
        orgId,
        branchId);
  }

  /** The paths of the branch, in path order. */
  public List<String> paths(long orgId, long branchId) {
    return sql.jdbc()
        .sql("SELECT path FROM branch_files WHERE org_id = ? AND branch_id = ? ORDER BY path")
        .params(orgId, branchId)
        .query((row, n) -> java.util.Objects.requireNonNull(row.getString(1)))
        .list();
  }

  /** Receives one file's text. */
  @FunctionalInterface
  public interface TextVisitor {
    void file(String path, String text);
  }

  private static @Nullable String text(ResultSet row, int column) throws SQLException {
    byte[] bytes = row.getBytes(column);
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  private static Language language(String path, @Nullable String parsed) {
    return parsed != null ? Language.ofId(parsed) : Language.ofPath(path);
  }
}
