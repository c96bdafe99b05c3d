package dev.atelier.repos;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A stored blob: its identity, size, kind and, for text, its bytes. */
public final class Blob {

  private final BlobId id;
  private final Sha256 sha;
  private final long size;
  private final BlobKind kind;
  private final boolean utf8Valid;
  private final byte @Nullable [] content;

  public Blob(
      BlobId id,
      Sha256 sha,
      long size,
      BlobKind kind,
      boolean utf8Valid,
      byte @Nullable [] content) {
    this.id = requireNonNull(id, "id is null");
    this.sha = requireNonNull(sha, "sha is null");
    this.size = size;
    this.kind = requireNonNull(kind, "kind is null");
    this.utf8Valid = utf8Valid;
    this.content = content == null ? null : content.clone();
  }

  public BlobId id() {
    return id;
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

  /** A copy of the bytes; empty unless the kind is {@link BlobKind#TEXT}. */
  public Optional<byte[]> content() {
    return Optional.ofNullable(content).map(byte[]::clone);
  }

  /** The content decoded as UTF-8, malformed sequences replaced by U+FFFD. */
  public Optional<String> text() {
    return Optional.ofNullable(content).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Blob[" + id + ", " + sha + ", " + size + " bytes, " + kind + "]";
  }
}
