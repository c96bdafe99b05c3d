package dev.atelier.codeintel.internal.classify;

import dev.atelier.platform.Sql;
import dev.atelier.repos.FileClass;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The one read path for a file's class: the value the indexer stored on the manifest row. Readers
 * that already query {@code manifest_entries} select {@code file_class} and pass it to {@link
 * #read}; the others ask for a branch's classes here.
 */
public final class FileClasses {

  private FileClasses() {}

  /**
   * The class a stored value names. A row written before classes existed (null until its branch is
   * indexed again) counts as source, what every tool assumed of it before.
   */
  public static FileClass read(@Nullable String stored) {
    return stored == null ? FileClass.SOURCE : FileClass.ofStored(stored);
  }

  /** The classes of a branch's current manifest, by path. */
  public static Map<String, FileClass> ofBranch(Sql sql, long orgId, long branchId) {
    Map<String, FileClass> classes = new HashMap<>();
    sql.jdbc()
        .sql(
            "SELECT e.path, e.file_class FROM branches b JOIN manifest_entries e"
                + " ON e.org_id = b.org_id AND e.manifest_id = b.manifest_id"
                + " WHERE b.org_id = ? AND b.id = ?")
        .params(orgId, branchId)
        .query(row -> {
          classes.put(row.getString(1), read(row.getString(2)));
        });
    return classes;
  }
}
