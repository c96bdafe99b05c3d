package dev.atelier.identity.internal;

import static java.util.Objects.requireNonNull;

import dev.atelier.platform.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Browser sessions of a local install as signed, self-contained cookie values: {@code
 * expiry.nonce.signature}, HMAC-SHA256 under a key kept owner-only in the data folder, so that a
 * session outlives a restart and nothing needs storing per session. Deleting the key file ends
 * every session.
 */
public final class SessionCookies {

  public static final String NAME = "atelier_session";
  static final String KEY_FILE = "session-key";

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final byte[] key;
  private final Duration lifetime;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  SessionCookies(byte[] key, Duration lifetime, Clock clock) {
    this.key = key.clone();
    this.lifetime = requireNonNull(lifetime, "lifetime is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** With the key of {@code dataDir}, made there (owner-only) on first use. */
  public static SessionCookies forDataDir(Path dataDir, Duration lifetime, Clock clock) {
    return new SessionCookies(loadOrCreateKey(dataDir), lifetime, clock);
  }

  public Duration lifetime() {
    return lifetime;
  }

  /** A new session's cookie value. */
  public String issue() {
    byte[] nonce = new byte[16];
    random.nextBytes(nonce);
    String payload =
        clock.instant().plus(lifetime).getEpochSecond() + "." + ENCODER.encodeToString(nonce);
    return payload + "." + sign(payload);
  }

  /** Whether a presented cookie value is one of ours and not expired. */
  public boolean isValid(String value) {
    int last = value.lastIndexOf('.');
    int first = value.indexOf('.');
    if (first <= 0 || last <= first) {
      return false;
    }
    String payload = value.substring(0, last);
    byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(
        expected, value.substring(last + 1).getBytes(StandardCharsets.UTF_8))) {
      return false;
    }
    return expiry(payload.substring(0, first))
        .map(expiry -> clock.instant().isBefore(expiry))
        .orElse(false);
  }

  private static Optional<Instant> expiry(String seconds) {
    try {
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(seconds)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private String sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return ENCODER.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  // Same discipline as the install token: a private temporary file linked into place, so that a
  // concurrent start never sees half a key or a second one.
  private static byte[] loadOrCreateKey(Path dataDir) {
    Path file = dataDir.resolve(KEY_FILE);
    try {
      if (!Files.exists(file)) {
        PrivateFiles.createDataFolder(dataDir);
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        Path temporary = PrivateFiles.createTemporary(dataDir, KEY_FILE);
        try {
          Files.writeString(temporary, ENCODER.encodeToString(fresh), StandardCharsets.US_ASCII);
          Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException e) {
          // another process made it first: use theirs
        } finally {
          Files.deleteIfExists(temporary);
        }
      }
      PrivateFiles.restrict(file);
      byte[] key = DECODER.decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
      if (key.length < 32) {
        throw new IllegalStateException(file + " holds no session key; delete it to make one");
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the session key in " + dataDir, e);
    }
  }
}
