package dev.atelier.repos;

/**
 * The database id of a manifest. Ids are unique across orgs, but every lookup still filters by org.
 *
 * @param value a positive number
 */
public record ManifestId(long value) {

  public ManifestId {
    if (value <= 0) {
      throw new IllegalArgumentException("manifest id must be positive: " + value);
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
