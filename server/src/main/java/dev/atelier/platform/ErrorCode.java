package dev.atelier.platform;

import java.net.URI;

/**
 * A stable, machine-readable reason for a failure. Each becomes the {@code type} of an RFC 9457
 * problem; messages are for people, codes are for clients.
 */
public interface ErrorCode {

  /**
   * What defines an error code, held by each enum constant in one field.
   *
   * @param code kebab-case name, stable across releases, e.g. {@code payload-too-large}
   * @param httpStatus the HTTP status a problem of this kind is answered with
   * @param title a short, human-readable summary of the problem type
   */
  record Spec(String code, int httpStatus, String title) {}

  Spec spec();

  default String code() {
    return spec().code();
  }

  default int httpStatus() {
    return spec().httpStatus();
  }

  default String title() {
    return spec().title();
  }

  default URI type() {
    return URI.create("https://atelier.dev/problems/" + code());
  }
}
