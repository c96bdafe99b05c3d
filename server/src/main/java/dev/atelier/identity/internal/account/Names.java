package dev.atelier.identity.internal.account;

import dev.atelier.identity.IdentityError;
import dev.atelier.platform.AtelierException;
import org.jspecify.annotations.Nullable;

/** The rule every name people give here follows: 1 to 100 printable characters, trimmed. */
final class Names {

  private Names() {}

  static String require(@Nullable String name, String what) {
    String chosen = name == null ? "" : name.strip();
    if (chosen.isEmpty()
        || chosen.length() > 100
        || chosen.chars().anyMatch(Character::isISOControl)) {
      throw new AtelierException(
          IdentityError.INVALID_ACCOUNT, what + " is 1 to 100 printable characters");
    }
    return chosen;
  }
}
