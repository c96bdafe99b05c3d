package dev.atelier.identity.internal.web;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * How sign-in behaves ({@code atelier.auth.*}, e.g. {@code ATELIER_AUTH_ACCESS_TOKEN_LIFETIME}):
 * token lifetimes, how often the signing key rotates, whether anyone may register, and the
 * install's secret key ({@code ATELIER_SECRET_KEY}, base64 of 32 bytes) that seals signing keys.
 */
record AuthSettings(
    Duration accessTokenLifetime,
    Duration refreshTokenLifetime,
    Duration signingKeyRotation,
    boolean openRegistration,
    @Nullable String secretKey) {

  static AuthSettings from(Binder binder) {
    return new AuthSettings(
        binder
            .bind("atelier.auth.access-token-lifetime", Duration.class)
            .orElse(Duration.ofMinutes(15)),
        binder
            .bind("atelier.auth.refresh-token-lifetime", Duration.class)
            .orElse(Duration.ofDays(7)),
        binder
            .bind("atelier.auth.signing-key-rotation", Duration.class)
            .orElse(Duration.ofDays(30)),
        !"invite-only"
            .equals(binder.bind("atelier.auth.registration", String.class).orElse("open")),
        binder.bind("atelier.secret-key", String.class).orElse(null));
  }
}
