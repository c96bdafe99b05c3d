package dev.atelier.platform.internal.web;

import dev.atelier.platform.AtelierException;
import dev.atelier.platform.PlatformError;

/** Thrown while reading a chunked body that grows past the request size limit. */
final class PayloadTooLargeException extends AtelierException {
  PayloadTooLargeException(String message) {
    super(PlatformError.PAYLOAD_TOO_LARGE, message);
  }
}
