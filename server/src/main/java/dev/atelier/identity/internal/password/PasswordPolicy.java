package dev.atelier.identity.internal.password;

import dev.atelier.identity.IdentityError;
import dev.atelier.platform.AtelierException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a new password must be (NIST SP 800-63B's advice): long enough, not absurdly long (the hash
 * cost grows with it), not one of the most common passwords, not a run of one character and not the
 * account's own email.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 256;

  private final Set<String> common;

  private PasswordPolicy(Set<String> common) {
    this.common = common;
  }

  /** The policy with the common-password list shipped in the jar. */
  public static PasswordPolicy standard() {
    Set<String> common = new HashSet<>();
    try (InputStream in =
            Objects.requireNonNull(
                PasswordPolicy.class.getResourceAsStream("/identity/common-passwords.txt"),
                "common-passwords.txt is missing from the jar");
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          common.add(line.strip().toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PasswordPolicy(Set.copyOf(common));
  }

  /** Returns the password when acceptable; a 422 problem saying why otherwise. */
  public String check(@Nullable String password, @Nullable String email) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw refused("a password needs at least " + MIN_LENGTH + " characters");
    }
    if (password.length() > MAX_LENGTH) {
      throw refused("a password has at most " + MAX_LENGTH + " characters");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (common.contains(lower)) {
      throw refused("this password is one of the most common ones; choose another");
    }
    if (lower.chars().distinct().count() < 3) {
      throw refused("a password needs more than one or two different characters");
    }
    if (email != null
        && (lower.equals(email) || lower.equals(email.substring(0, email.indexOf('@'))))) {
      throw refused("a password may not be the account's email");
    }
    return password;
  }

  private static AtelierException refused(String message) {
    return new AtelierException(IdentityError.WEAK_PASSWORD, message);
  }
}
