package dev.atelier.codeintel.internal.security;

/** Masks a secret so a finding can point at it without repeating it. */
final class Redaction {

  private Redaction() {}

  /** The first four characters (two for short values), then stars and the length. */
  static String mask(String secret) {
    int shown = secret.length() > 12 ? 4 : Math.min(2, secret.length() / 4);
    return secret.substring(0, shown) + "****[" + secret.length() + " chars]";
  }
}
