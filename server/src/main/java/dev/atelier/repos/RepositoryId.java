package dev.atelier.repos;

/**
 * The database id of a repository. Ids are unique across orgs, but every lookup still filters by
 * org.
 *
 * @param value a positive number
 */
public record RepositoryId(long value) {

  public RepositoryId {
    if (value <= 0) {
      throw new IllegalArgumentException("repository id must be positive: " + value);
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
