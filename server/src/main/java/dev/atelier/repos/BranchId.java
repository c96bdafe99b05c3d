package dev.atelier.repos;

/**
 * The database id of a branch. Ids are unique across orgs, but every lookup still filters by org.
 *
 * @param value a positive number
 */
public record BranchId(long value) {

  public BranchId {
    if (value <= 0) {
      throw new IllegalArgumentException("branch id must be positive: " + value);
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
