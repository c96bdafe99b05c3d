package dev.atelier.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one way a random secret (an API key, a refresh token, a one-time code) is stored: its SHA-256
 * in hex. The secrets carry 256 random bits, so a fast hash is enough; passwords are not stored
 * this way (they get Argon2id).
 */
public final class SecretDigests {

  private SecretDigests() {}

  public static String sha256(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
