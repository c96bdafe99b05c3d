package dev.atelier.repos;

/** Why a source left a file out of the index. */
public enum SkipReason {
  GITIGNORED("matched by a .gitignore rule"),
  ATELIERIGNORED("matched by an .atelierignore rule"),
  VENDORED_FOLDER("a vendored or generated folder, skipped by default"),
  GIT_DIRECTORY("inside the .git folder"),
  BINARY("binary content (a NUL byte in the first 8 KiB)"),
  TOO_LARGE("larger than the size limit"),
  SYMLINK_OUTSIDE_ROOT("a symbolic link to outside the repository, never followed"),
  SYMLINKED_DIRECTORY("a symbolic link to a folder, not followed (it would repeat or loop)"),
  BROKEN_SYMLINK("a symbolic link to nothing"),
  SYMLINK("a symbolic link stored in git, which has no content of its own"),
  SUBMODULE("a git submodule, indexed as a repository of its own if at all"),
  SPECIAL_FILE("not a regular file (a pipe, socket or device)"),
  UNREADABLE("could not be read"),
  INVALID_PATH("a path Atelier does not accept (control characters, backslashes)"),
  NOT_FOUND("does not exist (deleted)");

  private final String description;

  SkipReason(String description) {
    this.description = description;
  }

  /** A short explanation for people, e.g. in {@code atelier index}'s summary. */
  public String description() {
    return description;
  }
}
