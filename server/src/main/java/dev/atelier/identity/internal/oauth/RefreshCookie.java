package dev.atelier.identity.internal.oauth;

import java.time.Duration;
import org.springframework.http.ResponseCookie;

/**
 * The browser's refresh-token cookie, the same wherever a browser signs in (password or OAuth):
 * HttpOnly, SameSite=Strict and scoped to {@code /api/auth}, so that only the web app's own calls
 * to {@code /api/auth/refresh} carry it.
 */
public final class RefreshCookie {

  public static final String NAME = "atelier_refresh";

  private RefreshCookie() {}

  /** The {@code Set-Cookie} value that hands a refresh token to the browser. */
  public static String of(String refreshToken, Duration lifetime, boolean secure) {
    return ResponseCookie.from(NAME, refreshToken)
        .httpOnly(true)
        .secure(secure)
        .sameSite("Strict")
        .path("/api/auth")
        .maxAge(lifetime)
        .build()
        .toString();
  }
}
