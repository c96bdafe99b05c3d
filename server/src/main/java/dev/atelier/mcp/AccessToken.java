package dev.atelier.mcp;

import static java.util.Objects.requireNonNull;

import dev.atelier.platform.AtelierException;
import dev.atelier.platform.PlatformError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The bearer token of one install: 32 random bytes, URL-safe Base64, made on first use and kept in
 * {@code DATA/mcp-token}, readable by its owner only, so that {@code atelier token} can print it
 * for an assistant's configuration. {@link #toString()} never shows it.
 */
public final class AccessToken {

  public static final String FILE_NAME = "mcp-token";

  private static final int BYTES = 32;
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final byte[] value;

  private AccessToken(String value) {
    this.value = value.getBytes(StandardCharsets.US_ASCII);
  }

  /** The install's token from {@code dataDir}, created there (owner-only) if there is none yet. */
  public static AccessToken loadOrCreate(Path dataDir) {
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
    return "AccessToken[****]";
  }

  // Written to a private temporary file and linked into place (a link, unlike a rename, fails when
  // the name exists): a concurrent start or `atelier token` never sees half a token or a second
  // one.
  private static void create(Path dataDir, Path file) throws IOException {
    Files.createDirectories(dataDir);
    byte[] random = new byte[BYTES];
    new SecureRandom().nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Path temporary = Files.createTempFile(dataDir, FILE_NAME, ".tmp", ownerOnly(dataDir));
    try {
      Files.writeString(temporary, token + "\n", StandardCharsets.US_ASCII);
      Files.createLink(file, temporary);
    } catch (FileAlreadyExistsException e) {
      // Another process made it first: use theirs.
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static AccessToken read(Path file) throws IOException {
    if (isPosix(file)) {
      // A token others can read is no secret: take their access away before using it.
      if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
        Files.setPosixFilePermissions(file, OWNER_ONLY);
      }
    }
    String token = Files.readString(file, StandardCharsets.US_ASCII).strip();
    if (!WELL_FORMED.matcher(token).matches()) {
      throw new AtelierException(
          PlatformError.MISCONFIGURED,
          file + " does not hold an access token; delete it and a new one is made on next start");
    }
    return new AccessToken(token);
  }

  private static FileAttribute<?>[] ownerOnly(Path dataDir) {
    return isPosix(dataDir)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
        : new FileAttribute<?>[0];
  }

  private static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
