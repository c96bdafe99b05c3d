package dev.atelier.platform;

/** The two SQL dialects Atelier speaks; each has its own Flyway folder with the same versions. */
public enum DatabaseVendor {
  SQLITE("sqlite"),
  POSTGRESQL("postgresql");

  private final String label;

  DatabaseVendor(String label) {
    this.label = label;
  }

  /** Lower-case name, also the folder under {@code db/migration/}. */
  public String label() {
    return label;
  }
}
