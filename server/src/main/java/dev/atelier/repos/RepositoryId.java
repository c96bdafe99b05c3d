package dev.atelier.repos;

import dev.atelier.platform.AtelierException;

/**
 * The database id of a repository. Ids are unique across orgs, but every lookup still filters by
 * org.
 *
 * @param value a positive number
 */
public record RepositoryId(long value) {

  public RepositoryId {
    // An id from a URL that no repository can have is a lookup that finds nothing.
    if (value <= 0) {
      throw new AtelierException(ReposError.REPOSITORY_NOT_FOUND, "no repository with id " + value);
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
