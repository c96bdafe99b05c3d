package dev.atelier.platform;

import static java.util.Objects.requireNonNull;

/** A failure with a stable {@link ErrorCode} and a message a person can act on. */
public class AtelierException extends RuntimeException {

  private final ErrorCode errorCode;

  public AtelierException(ErrorCode errorCode, String message) {
    super(requireNonNull(message, "message is null"));
    this.errorCode = requireNonNull(errorCode, "errorCode is null");
  }

  public AtelierException(ErrorCode errorCode, String message, Throwable cause) {
    super(requireNonNull(message, "message is null"), cause);
    this.errorCode = requireNonNull(errorCode, "errorCode is null");
  }

  /** The message is required at construction, so it is never null. */
  @Override
  public String getMessage() {
    return requireNonNull(super.getMessage());
  }

  public ErrorCode errorCode() {
    return errorCode;
  }
}
