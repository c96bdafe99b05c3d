package dev.atelier.cli;

import org.jspecify.annotations.Nullable;

/**
 * What {@code atelier login} keeps for one server: either a signed-in session (a short-lived access
 * token and the refresh token that renews it) or a long-lived bearer (an API key, or a local
 * install's token). Never printed.
 *
 * @param url the server, e.g. {@code https://atelier.example.com} (no trailing slash)
 * @param account who signed in, for messages: "Ada in Engines (owner)"
 * @param key the API key (or install token) sent as bearer; null for a session
 * @param session the tokens of a password sign-in; null for a key
 */
record ServerCredentials(
    String url, String account, @Nullable String key, @Nullable Session session) {

  /**
   * A signed-in session's tokens.
   *
   * @param accessToken the bearer for requests
   * @param accessExpiresAt when it expires, in epoch seconds
   * @param accessLifetime how long the server issues it for, in seconds (to renew a little early)
   * @param refreshToken spent on {@code POST /api/auth/refresh}; each works once
   */
  record Session(
      String accessToken, long accessExpiresAt, long accessLifetime, String refreshToken) {}

  /** The credential sent as {@code Authorization: Bearer}. */
  String bearer() {
    if (key != null) {
      return key;
    }
    if (session != null) {
      return session.accessToken();
    }
    throw new IllegalStateException("credentials without a key or session for " + url);
  }

  ServerCredentials withSession(Session renewed) {
    return new ServerCredentials(url, account, null, renewed);
  }
}
