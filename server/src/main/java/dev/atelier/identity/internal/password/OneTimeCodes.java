package dev.atelier.identity.internal.password;

import dev.atelier.identity.internal.SecretDigests;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The one-time codes of invitation and password-reset links: 32 random bytes, of which only the
 * SHA-256 is stored.
 */
public final class OneTimeCodes {

  private final SecureRandom random = new SecureRandom();

  public String next() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String hash(String code) {
    return SecretDigests.sha256(code);
  }
}
