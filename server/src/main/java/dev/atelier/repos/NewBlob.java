package dev.atelier.repos;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A blob about to be stored. Its identity is always computed from the bytes here, never taken on
 * trust, so a stale hash can never file content under the wrong name.
 */
public final class NewBlob {

  private final Sha256 sha;
  private final long size;
  private final BlobKind kind;
  private final byte @Nullable [] content;
  private final boolean utf8Valid;

  private NewBlob(
      Sha256 sha, long size, BlobKind kind, byte @Nullable [] content, boolean utf8Valid) {
    this.sha = sha;
    this.size = size;
    this.kind = kind;
    this.content = content;
    this.utf8Valid = utf8Valid;
  }

  /** Text content to store and index; notes whether it is valid UTF-8. */
  public static NewBlob text(byte[] content) {
    requireNonNull(content, "content is null");
    byte[] copy = content.clone();
    return new NewBlob(Sha256.of(copy), copy.length, BlobKind.TEXT, copy, isUtf8(copy));
  }

  /** Content whose bytes are not kept (binary or too large): only its identity and size. */
  public static NewBlob omitted(Sha256 sha, long size, BlobKind kind) {
    requireNonNull(sha, "sha is null");
    requireNonNull(kind, "kind is null");
    if (kind == BlobKind.TEXT) {
      throw new IllegalArgumentException("text blobs keep their content; use NewBlob.text");
    }
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative: " + size);
    }
    return new NewBlob(sha, size, kind, null, false);
  }

  public Sha256 sha() {
    return sha;
  }

  public long size() {
    return size;
  }

  public BlobKind kind() {
    return kind;
  }

  public boolean utf8Valid() {
    return utf8Valid;
  }

  /** A copy of the bytes, for text blobs. */
  public Optional<byte[]> content() {
    return Optional.ofNullable(content).map(byte[]::clone);
  }

  /** The bytes without a copy, for the store that writes them once. */
  byte @Nullable [] contentUnsafe() {
    return content;
  }

  static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "NewBlob[" + sha + ", " + size + " bytes, " + kind + "]";
  }
}
