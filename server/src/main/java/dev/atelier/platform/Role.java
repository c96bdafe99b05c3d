package dev.atelier.platform;

import java.util.Locale;
import java.util.Optional;

/**
 * A member's role in an org, from most to least power: an {@code owner} may also do what changes
 * the org itself (transfer, delete, make owners), an {@code admin} manages members, keys and the
 * audit trail, a {@code member} reads and writes, a {@code viewer} (e.g. a read-only agent) only
 * reads.
 */
public enum Role {
  OWNER,
  ADMIN,
  MEMBER,
  VIEWER;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this role has at least the power of {@code other}. */
  public boolean atLeast(Role other) {
    return ordinal() <= other.ordinal();
  }

  public static Optional<Role> parse(String value) {
    for (Role role : values()) {
      if (role.wire().equals(value)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
