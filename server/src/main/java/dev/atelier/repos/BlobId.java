package dev.atelier.repos;

/**
 * The database id of a blob. Ids are unique across orgs, but every lookup still filters by org.
 *
 * @param value a positive number
 */
public record BlobId(long value) {

  public BlobId {
    if (value <= 0) {
      throw new IllegalArgumentException("blob id must be positive: " + value);
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
