package dev.atelier.repos;

import static java.util.Objects.requireNonNull;

/**
 * What registering a repository needs.
 *
 * @param name unique within the org, e.g. {@code atelier}
 * @param kind a working tree or a git repository
 * @param location the absolute, normalised folder (working tree) or the git URL or folder
 * @param defaultBranch the branch indexed when none is named
 */
public record NewRepository(
    String name, RepositoryKind kind, String location, String defaultBranch) {

  public NewRepository {
    requireNonNull(name, "name is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(location, "location is null");
    requireNonNull(defaultBranch, "defaultBranch is null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name is blank");
    }
    if (location.isBlank()) {
      throw new IllegalArgumentException("location is blank");
    }
    if (defaultBranch.isBlank()) {
      throw new IllegalArgumentException("defaultBranch is blank");
    }
  }
}
