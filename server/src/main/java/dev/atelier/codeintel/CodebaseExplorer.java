package dev.atelier.codeintel;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.internal.explore.FolderSummaries;
import dev.atelier.platform.Database;
import dev.atelier.repos.BranchId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Hierarchical navigation of an indexed branch: a folder's children (subfolders and files) with
 * their sizes, languages and a one-line summary each, so an agent can drill down.
 */
public final class CodebaseExplorer {

  /**
   * A child of the folder.
   *
   * @param files files in it (1 for a file)
   * @param language the language with the most lines, or null when it holds only text
   * @param summary for a file: its top symbols and first doc line; for a folder: its README's first
   *     line or its top symbols
   */
  public record Entry(
      String name,
      String path,
      boolean folder,
      int files,
      long lines,
      long bytes,
      @Nullable String language,
      String summary) {}

  /**
   * A folder and its children, folders first.
   *
   * @param languages files per language in the whole folder, most first
   * @param readme the first line of the folder's README, or null
   */
  public record Listing(
      String path,
      int files,
      long lines,
      long bytes,
      Map<String, Integer> languages,
      @Nullable String readme,
      List<Entry> entries) {}

  private final FolderSummaries summaries;

  public CodebaseExplorer(Database database) {
    requireNonNull(database, "database is null");
    this.summaries = new FolderSummaries(database.dataSource(), database.vendor());
  }

  /**
   * Lists a folder ("" for the repository root).
   *
   * @throws dev.atelier.platform.AtelierException when no file of the branch lies under it
   */
  public Listing explore(long orgId, BranchId branch, String folder) {
    return summaries.list(orgId, branch.value(), folder);
  }
}
