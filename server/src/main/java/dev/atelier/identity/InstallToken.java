package dev.atelier.identity;

import static java.util.Objects.requireNonNull;

import dev.atelier.platform.AtelierException;
import dev.atelier.platform.PlatformError;
import dev.atelier.platform.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The bearer token of one install: 32 random bytes, URL-safe Base64, made on first use and kept in
 * {@code DATA/mcp-token} (the name predates its use beyond MCP), readable by its owner only, so
 * that {@code atelier token} can print it for scripts, the CLI and an assistant's configuration. It
 * authenticates as the install's owner on {@code /api}, {@code /mcp} and {@code /actuator}. {@link
 * #toString()} never shows it.
 */
public final class InstallToken {

  public static final String FILE_NAME = "mcp-token";

  private static final int BYTES = 32;
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

  private final byte[] value;

  private InstallToken(String value) {
    this.value = value.getBytes(StandardCharsets.US_ASCII);
  }

  /** The install's token from {@code dataDir}, created there (owner-only) if there is none yet. */
  public static InstallToken loadOrCreate(Path dataDir) {
    requireNonNull(dataDir, "dataDir is null");
    Path file = dataDir.resolve(FILE_NAME);
    try {
      if (!Files.exists(file)) {
        create(dataDir, file);
      }
      return read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the access token in " + dataDir, e);
    }
  }

  /** The token itself, for {@code atelier token} and nothing else. */
  public String reveal() {
    return new String(value, StandardCharsets.US_ASCII);
  }

  /** Whether {@code presented} is this token, compared in time independent of where they differ. */
  public boolean matches(@Nullable String presented) {
    if (presented == null) {
      return false;
    }
    return MessageDigest.isEqual(value, presented.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "InstallToken[****]";
  }

  // Written to a private temporary file and linked into place (a link, unlike a rename, fails when
  // the name exists): a concurrent start or `atelier token` never sees half a token or a second
  // one.
  private static void create(Path dataDir, Path file) throws IOException {
    PrivateFiles.createDataFolder(dataDir);
    byte[] random = new byte[BYTES];
    new SecureRandom().nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Path temporary = PrivateFiles.createTemporary(dataDir, FILE_NAME);
    try {
      Files.writeString(temporary, token + "\n", StandardCharsets.US_ASCII);
      Files.createLink(file, temporary);
    } catch (FileAlreadyExistsException e) {
      // Another process made it first: use theirs.
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static InstallToken read(Path file) throws IOException {
    // A token others can read is no secret: take their access away before using it.
    PrivateFiles.restrict(file);
    String token = Files.readString(file, StandardCharsets.US_ASCII).strip();
    if (!WELL_FORMED.matcher(token).matches()) {
      throw new AtelierException(
          PlatformError.MISCONFIGURED,
          file + " does not hold an access token; delete it and a new one is made on next start");
    }
    return new InstallToken(token);
  }
}
