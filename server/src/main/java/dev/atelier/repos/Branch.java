package dev.atelier.repos;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A branch of a repository, with its current manifest and indexing status.
 *
 * @param id its id
 * @param orgId the org it belongs to
 * @param repositoryId the repository it belongs to
 * @param name e.g. {@code main}
 * @param manifestId the current complete manifest; null before the first index
 * @param headCommit the git commit the current manifest was read from; null for working trees
 * @param indexedAt when the current manifest became current
 * @param state where indexing stands
 * @param filesTotal files the running (or last) index run covers
 * @param filesDone files of those done so far
 * @param lastError why the last run failed, when it did
 * @param stateChangedAt when {@code state} last changed
 */
public record Branch(
    BranchId id,
    long orgId,
    RepositoryId repositoryId,
    String name,
    @Nullable ManifestId manifestId,
    @Nullable String headCommit,
    @Nullable Instant indexedAt,
    BranchState state,
    int filesTotal,
    int filesDone,
    @Nullable String lastError,
    Instant stateChangedAt) {

  public Branch {
    requireNonNull(id, "id is null");
    requireNonNull(repositoryId, "repositoryId is null");
    requireNonNull(name, "name is null");
    requireNonNull(state, "state is null");
    requireNonNull(stateChangedAt, "stateChangedAt is null");
  }

  public Optional<ManifestId> currentManifest() {
    return Optional.ofNullable(manifestId);
  }
}
