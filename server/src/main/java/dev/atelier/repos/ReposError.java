package dev.atelier.repos;

import dev.atelier.platform.ErrorCode;

/** Error codes of the repos module: bad paths, unknown repositories and branches, conflicts. */
public enum ReposError implements ErrorCode {
  INVALID_PATH("invalid-path", 400, "Invalid repository path"),
  REPOSITORY_NOT_FOUND("repository-not-found", 404, "Repository not found"),
  REPOSITORY_EXISTS("repository-exists", 409, "Repository already registered"),
  BRANCH_NOT_FOUND("branch-not-found", 404, "Branch not found"),
  MANIFEST_NOT_FOUND("manifest-not-found", 404, "Manifest not found"),
  REVISION_NOT_FOUND("revision-not-found", 404, "Git revision not found"),
  MANIFEST_CONFLICT("manifest-conflict", 409, "The branch's manifest changed concurrently"),
  BLOB_MISSING("blob-missing", 500, "A manifest entry names a blob that is not stored"),
  SOURCE_UNREADABLE("source-unreadable", 422, "The repository's files cannot be read"),
  INVALID_BRANCH("invalid-branch", 400, "Invalid branch name"),
  TOO_MANY_PATHS("too-many-paths", 413, "Too many paths in one change notification"),
  NO_CHANGES("no-changes", 400, "The change notification names no paths"),
  FOLDER_NOT_ALLOWED("folder-not-allowed", 403, "This folder may not be registered"),
  GIT_URL_NOT_ALLOWED("git-url-not-allowed", 403, "This git URL may not be cloned"),
  CLONE_FAILED("clone-failed", 422, "The repository could not be cloned"),
  CLONE_TOO_LARGE("clone-too-large", 413, "The repository is larger than clones may be");

  private final Spec spec;

  ReposError(String code, int httpStatus, String title) {
    this.spec = new Spec(code, httpStatus, title);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
