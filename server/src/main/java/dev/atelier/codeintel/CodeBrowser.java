package dev.atelier.codeintel;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.internal.browse.ManifestListing;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Database;
import dev.atelier.repos.Blob;
import dev.atelier.repos.BlobKind;
import dev.atelier.repos.Branch;
import dev.atelier.repos.ManifestId;
import dev.atelier.repos.RepoPath;
import dev.atelier.repos.ReposError;
import dev.atelier.repos.ReposStorage;
import dev.atelier.repos.Repository;
import dev.atelier.repos.Sha256;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Browsing a branch's current manifest as a person does: a folder's children (one level, files with
 * their sizes), and one file's text. Reads only what the index stored, never the working tree.
 */
public final class CodeBrowser {

  /** Files larger than this are not sent to a browser as text. */
  public static final long MAX_TEXT_BYTES = 4L * 1024 * 1024;

  private final ReposStorage repos;
  private final ManifestListing listing;

  public CodeBrowser(Database database, ReposStorage repos) {
    requireNonNull(database, "database is null");
    this.repos = requireNonNull(repos, "repos is null");
    this.listing = new ManifestListing(database.dataSource(), database.vendor());
  }

  /**
   * A child of a folder.
   *
   * @param name the last path segment
   * @param path repository-relative path
   * @param type {@code dir} or {@code file}
   * @param size bytes of a file; null for a folder (summing a folder would read all beneath it)
   * @param language the language of a file, by extension ({@code text} when unknown); null for
   *     folders
   */
  public record TreeEntry(
      String name, String path, String type, @Nullable Long size, @Nullable String language) {}

  /** A folder of the branch: folders first, then files, each by name. */
  public record Folder(String path, List<TreeEntry> entries) {}

  /** A file's text and what a viewer needs to show it. */
  public record FileText(
      String path, String sha, long size, String language, int lines, String content) {}

  /** The indexed branch of that name: its manifest must exist. */
  public Branch indexedBranch(Repository repository, String branchName) {
    Branch branch =
        repos
            .branches()
            .find(repository.orgId(), repository.id(), branchName)
            .orElseThrow(() ->
                new AtelierException(
                    ReposError.BRANCH_NOT_FOUND,
                    "repository " + repository.name() + " has no branch " + branchName));
    if (branch.manifestId() == null) {
      throw new AtelierException(
          CodeIntelError.NOT_INDEXED,
          "branch " + branchName + " of " + repository.name() + " is not indexed yet");
    }
    return branch;
  }

  /** The children of folder {@code path} ("" for the root) in the branch's current manifest. */
  public Folder folder(Repository repository, String branchName, String path) {
    String folder = folderPath(path);
    ManifestId manifest = manifest(repository, branchName);
    String prefix = folder.isEmpty() ? "" : folder + "/";
    List<ManifestListing.Child> children = listing.children(repository.orgId(), manifest, prefix);
    if (children.isEmpty() && !folder.isEmpty()) {
      throw new AtelierException(
          CodeIntelError.FILE_NOT_FOUND, "no folder " + folder + " in branch " + branchName);
    }
    List<TreeEntry> entries = new ArrayList<>(children.size());
    // Path order puts "a-b/" before "a/"; folders are listed by name like files.
    children.stream()
        .filter(ManifestListing.Child::folder)
        .map(ManifestListing.Child::name)
        .sorted()
        .forEach(name -> entries.add(new TreeEntry(name, prefix + name, "dir", null, null)));
    for (ManifestListing.Child child : children) {
      if (!child.folder()) {
        String file = prefix + child.name();
        entries.add(
            new TreeEntry(child.name(), file, "file", child.size(), Language.ofPath(file).id()));
      }
    }
    return new Folder(folder, entries);
  }

  /**
   * Every file path of the branch in path order, for a fuzzy file finder: one list the browser
   * filters as the person types (10,000 paths are about 400 KB, less than 100 KB compressed).
   */
  public List<String> paths(Repository repository, String branchName) {
    ManifestId manifest = manifest(repository, branchName);
    return repos.manifests().entries(repository.orgId(), manifest).stream()
        .map(entry -> entry.path().value())
        .sorted()
        .toList();
  }

  /**
   * The text of one file: {@link CodeIntelError#BINARY_FILE} for binaries, {@link
   * CodeIntelError#FILE_TOO_LARGE} beyond {@link #MAX_TEXT_BYTES} or what the index kept.
   */
  public FileText file(Repository repository, String branchName, String path) {
    RepoPath repoPath = repoPath(path);
    ManifestId manifest = manifest(repository, branchName);
    Sha256 sha =
        repos
            .manifests()
            .lookup(repository.orgId(), manifest, repoPath)
            .orElseThrow(() ->
                new AtelierException(
                    CodeIntelError.FILE_NOT_FOUND,
                    "no file " + repoPath.value() + " in branch " + branchName));
    Blob blob =
        repos
            .blobs()
            .find(repository.orgId(), sha)
            .orElseThrow(() ->
                new AtelierException(ReposError.BLOB_MISSING, "blob " + sha + " is not stored"));
    if (blob.kind() == BlobKind.BINARY) {
      throw new AtelierException(
          CodeIntelError.BINARY_FILE, repoPath.value() + " is binary (" + blob.size() + " bytes)");
    }
    if (blob.kind() == BlobKind.TOO_LARGE || blob.size() > MAX_TEXT_BYTES) {
      throw new AtelierException(
          CodeIntelError.FILE_TOO_LARGE,
          repoPath.value()
              + " has "
              + blob.size()
              + " bytes; files over "
              + MAX_TEXT_BYTES
              + " bytes are not shown");
    }
    String text = blob.text().orElse("");
    return new FileText(
        repoPath.value(),
        sha.hex(),
        blob.size(),
        Language.ofPath(repoPath.value()).id(),
        lineCount(text),
        text);
  }

  private ManifestId manifest(Repository repository, String branchName) {
    return requireNonNull(indexedBranch(repository, branchName).manifestId());
  }

  private static int lineCount(String text) {
    if (text.isEmpty()) {
      return 0;
    }
    int lines = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n' && i < text.length() - 1) {
        lines++;
      }
    }
    return lines;
  }

  private static String folderPath(String path) {
    String stripped = path.strip();
    while (stripped.endsWith("/")) {
      stripped = stripped.substring(0, stripped.length() - 1);
    }
    return stripped.isEmpty() ? "" : repoPath(stripped).value();
  }

  private static RepoPath repoPath(String path) {
    if (!RepoPath.isValid(path)) {
      throw new AtelierException(
          ReposError.INVALID_PATH, "not a repository-relative path: " + abbreviate(path));
    }
    return RepoPath.of(path);
  }

  private static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
