package dev.atelier.repos;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A registered repository of an org.
 *
 * @param id its id
 * @param orgId the org it belongs to
 * @param name unique within the org
 * @param kind a working tree or a git repository
 * @param location the folder or git URL it is read from
 * @param defaultBranch the branch indexed when none is named
 * @param createdAt when it was registered
 */
public record Repository(
    RepositoryId id,
    long orgId,
    String name,
    RepositoryKind kind,
    String location,
    String defaultBranch,
    Instant createdAt) {

  public Repository {
    requireNonNull(id, "id is null");
    requireNonNull(name, "name is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(location, "location is null");
    requireNonNull(defaultBranch, "defaultBranch is null");
    requireNonNull(createdAt, "createdAt is null");
  }
}
