package dev.atelier.platform;

/** A refusal that ends by itself: answered with a {@code Retry-After} header. */
public class RetryLaterException extends AtelierException {

  private final long retryAfterSeconds;

  public RetryLaterException(ErrorCode errorCode, String message, long retryAfterSeconds) {
    super(errorCode, message);
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
