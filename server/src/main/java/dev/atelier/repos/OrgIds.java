package dev.atelier.repos;

/** Checks the org id every store method takes; the org is the tenant every row belongs to. */
final class OrgIds {

  private OrgIds() {}

  static long require(long orgId) {
    if (orgId <= 0) {
      throw new IllegalArgumentException("orgId must be positive: " + orgId);
    }
    return orgId;
  }
}
