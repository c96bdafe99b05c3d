package dev.atelier.identity.internal.web;

import dev.atelier.platform.AtelierException;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.Mode;
import dev.atelier.platform.PlatformError;
import dev.atelier.platform.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The install's secret key, which seals the JWT signing keys at rest: {@code ATELIER_SECRET_KEY}
 * when set (every node of a service must share it), else a key made once and kept 0600 in the data
 * folder.
 */
final class InstallSecret {

  private static final Logger log = LoggerFactory.getLogger(InstallSecret.class);
  static final String FILE = "secret-key";

  private final byte[] key;

  private InstallSecret(byte[] key) {
    this.key = key;
  }

  /** The key's bytes (a copy). */
  byte[] key() {
    return key.clone();
  }

  static InstallSecret load(AtelierSettings settings, @Nullable String configured) {
    return new InstallSecret(read(settings, configured));
  }

  private static byte[] read(AtelierSettings settings, @Nullable String configured) {
    if (configured != null && !configured.isBlank()) {
      byte[] key;
      try {
        key = Base64.getDecoder().decode(configured.strip());
      } catch (IllegalArgumentException e) {
        key = new byte[0];
      }
      if (key.length != 32) {
        throw new AtelierException(
            PlatformError.MISCONFIGURED,
            "ATELIER_SECRET_KEY must be the base64 of 32 random bytes (e.g. `openssl rand -base64"
                + " 32`)");
      }
      return key;
    }
    if (settings.mode() == Mode.SERVICE) {
      log.warn(
          "ATELIER_SECRET_KEY is not set: this node keeps its own secret key in {}; every node of"
              + " a service must share one, or tokens of one node fail on the others",
          settings.dataDir());
    }
    Path file = settings.dataDir().resolve(FILE);
    try {
      if (Files.exists(file)) {
        return Base64.getDecoder()
            .decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
      }
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      PrivateFiles.createDataFolder(settings.dataDir());
      Path temporary = PrivateFiles.createTemporary(settings.dataDir(), FILE);
      Files.writeString(temporary, Base64.getEncoder().encodeToString(key));
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the secret key in " + file, e);
    }
  }
}
