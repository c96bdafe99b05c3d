package dev.atelier.platform;

import java.net.URI;

/**
 * A stable, machine-readable reason for a failure. Each becomes the {@code type} of an RFC 9457
 * problem; messages are for people, codes are for clients.
 */
public interface ErrorCode {

  /** Kebab-case name, stable across releases, e.g. {@code payload-too-large}. */
  String code();

  /** The HTTP status a problem of this kind is answered with. */
  int httpStatus();

  /** A short, human-readable summary of the problem type. */
  String title();

  default URI type() {
    return URI.create("https://atelier.dev/problems/" + code());
  }
}
