package dev.atelier.repos;

/** Where a repository's files come from. */
public enum RepositoryKind {
  /** A folder on this machine, read as it is on disk (uncommitted changes included). */
  WORKING_TREE("working_tree"),
  /** A git repository read through JGit, branch by branch, without a checkout. */
  GIT("git");

  private final String label;

  RepositoryKind(String label) {
    this.label = label;
  }

  /** The value stored in {@code repositories.kind}. */
  public String label() {
    return label;
  }

  public static RepositoryKind fromLabel(String label) {
    for (RepositoryKind kind : values()) {
      if (kind.label.equals(label)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown repository kind: " + label);
  }
}
