package dev.atelier.repos;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One complete version of a branch's file list (its entries are read with {@link
 * Manifests#entries}).
 *
 * @param id its id
 * @param branchId the branch it belongs to
 * @param headCommit the git commit it was read from; null for working trees
 * @param fileCount how many entries it has
 * @param createdAt when it was written
 */
public record Manifest(
    ManifestId id,
    BranchId branchId,
    @Nullable String headCommit,
    int fileCount,
    Instant createdAt) {

  public Manifest {
    requireNonNull(id, "id is null");
    requireNonNull(branchId, "branchId is null");
    requireNonNull(createdAt, "createdAt is null");
  }
}
