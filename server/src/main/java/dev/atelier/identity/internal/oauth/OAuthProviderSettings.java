package dev.atelier.identity.internal.oauth;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * One provider's configuration, {@code atelier.auth.oauth.<id>.*} (e.g. {@code
 * ATELIER_AUTH_OAUTH_GITHUB_CLIENT_ID}): the client id and secret, GitLab's {@code base-url} for a
 * self-hosted instance, and optional endpoint overrides (a test points a provider at its own
 * authorization server with them).
 */
record OAuthProviderSettings(
    String id,
    @Nullable String clientId,
    @Nullable String clientSecret,
    @Nullable String baseUrl,
    @Nullable String authorizationUri,
    @Nullable String tokenUri,
    @Nullable String userInfoUri,
    @Nullable String jwkSetUri,
    @Nullable String issuerUri,
    @Nullable String emailsUri) {

  static final List<String> KNOWN = List.of("github", "google", "gitlab");

  static OAuthProviderSettings bind(Binder binder, String id) {
    String prefix = "atelier.auth.oauth." + id + ".";
    return new OAuthProviderSettings(
        id,
        value(binder, prefix + "client-id"),
        value(binder, prefix + "client-secret"),
        value(binder, prefix + "base-url"),
        value(binder, prefix + "authorization-uri"),
        value(binder, prefix + "token-uri"),
        value(binder, prefix + "user-info-uri"),
        value(binder, prefix + "jwk-set-uri"),
        value(binder, prefix + "issuer-uri"),
        value(binder, prefix + "emails-uri"));
  }

  /** A provider is offered only when both its client id and secret are set. */
  boolean configured() {
    return clientId != null && clientSecret != null;
  }

  private static @Nullable String value(Binder binder, String name) {
    String value = binder.bind(name, String.class).orElse(null);
    return value == null || value.isBlank() ? null : value.strip();
  }
}
