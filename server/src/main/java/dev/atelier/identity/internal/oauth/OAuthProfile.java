package dev.atelier.identity.internal.oauth;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * What a provider said about the person who signed in: its stable id for them, and their email with
 * whether the provider verified it (OIDC's {@code email_verified}; GitHub's from {@code
 * /user/emails}, see {@link GitHubUsers}).
 */
record OAuthProfile(
    String provider,
    String subject,
    @Nullable String email,
    boolean emailVerified,
    @Nullable String name) {

  static OAuthProfile of(String provider, OAuth2User user) {
    if (user instanceof OidcUser oidc) {
      return new OAuthProfile(
          provider,
          java.util.Objects.requireNonNullElse(oidc.getSubject(), oidc.getName()),
          oidc.getEmail(),
          Boolean.TRUE.equals(oidc.getEmailVerified()),
          oidc.getFullName() != null ? oidc.getFullName() : oidc.getPreferredUsername());
    }
    Map<String, Object> attributes = user.getAttributes();
    Object name = attributes.get("name");
    Object login = attributes.get("login");
    return new OAuthProfile(
        provider,
        user.getName(),
        attributes.get("email") instanceof String email ? email : null,
        Boolean.TRUE.equals(attributes.get("email_verified")),
        name instanceof String named && !named.isBlank()
            ? named
            : login instanceof String handle ? handle : null);
  }
}
