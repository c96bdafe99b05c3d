package dev.atelier.repos;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of a blob: SHA-256 of its bytes, as 64 lower-case hex digits. Git's own ids are
 * SHA-1 of a header plus the bytes, so content read through git is hashed again here.
 *
 * @param hex 64 lower-case hex digits
 */
public record Sha256(String hex) implements Comparable<Sha256> {

  public Sha256 {
    requireNonNull(hex, "hex is null");
    if (hex.length() != 64
        || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      throw new IllegalArgumentException("hex must be 64 lower-case hex digits: " + hex);
    }
  }

  public static Sha256 of(byte[] content) {
    requireNonNull(content, "content is null");
    return new Sha256(HexFormat.of().formatHex(digest().digest(content)));
  }

  /** A fresh SHA-256 digest, for callers that hash a stream. */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK ships SHA-256", e);
    }
  }

  /** The value of a finished {@link #digest()}. */
  public static Sha256 fromDigest(MessageDigest digest) {
    return new Sha256(HexFormat.of().formatHex(requireNonNull(digest, "digest is null").digest()));
  }

  @Override
  public int compareTo(Sha256 other) {
    return hex.compareTo(other.hex);
  }

  @Override
  public String toString() {
    return hex;
  }
}
