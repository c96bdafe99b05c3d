package dev.atelier.repos;

/** Whether a blob's bytes are kept, and if not, why. */
public enum BlobKind {
  /** Text to index: the bytes are stored (they may still be invalid UTF-8; see the flag). */
  TEXT("text"),
  /** Binary (a NUL byte early on): only the identity and size are kept. */
  BINARY("binary"),
  /** Over the size limit: only the identity and size are kept. */
  TOO_LARGE("too_large");

  private final String label;

  BlobKind(String label) {
    this.label = label;
  }

  /** The value stored in {@code blobs.content_kind}. */
  public String label() {
    return label;
  }

  public static BlobKind fromLabel(String label) {
    for (BlobKind kind : values()) {
      if (kind.label.equals(label)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown blob kind: " + label);
  }
}
