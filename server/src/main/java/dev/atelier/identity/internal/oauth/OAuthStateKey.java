package dev.atelier.identity.internal.oauth;

import dev.atelier.identity.internal.token.SecretBox;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that seals OAuth state cookies: derived from the install's secret key (shared by every
 * node of a service, so a callback may land on another node than the start), under its own label so
 * that it never equals the key that seals signing keys.
 */
public final class OAuthStateKey {

  private final SecretBox box;

  private OAuthStateKey(SecretBox box) {
    this.box = box;
  }

  /** Derives the state key (HMAC-SHA256 of a fixed label) from the install's 32-byte secret. */
  public static OAuthStateKey derivedFrom(byte[] installSecret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(installSecret, "HmacSHA256"));
      return new OAuthStateKey(
          new SecretBox(mac.doFinal("atelier oauth state v1".getBytes(StandardCharsets.UTF_8))));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  SecretBox box() {
    return box;
  }
}
