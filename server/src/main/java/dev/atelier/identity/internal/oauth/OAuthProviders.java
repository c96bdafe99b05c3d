package dev.atelier.identity.internal.oauth;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.config.oauth2.client.CommonOAuth2Provider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The configured sign-in providers as client registrations: GitHub and Google from Spring's
 * defaults ({@link CommonOAuth2Provider}), GitLab from its base URL (gitlab.com unless
 * self-hosted), each endpoint overridable. Built here rather than by Spring Boot's OAuth client
 * properties so that only providers with both a client id and secret exist, under Atelier's own
 * property names. Empty when none is configured; OAuth sign-in is then off.
 */
final class OAuthProviders implements Iterable<ClientRegistration> {

  static final String AUTHORIZATION_BASE = "/api/auth/oauth";
  static final String CALLBACK = AUTHORIZATION_BASE + "/{registrationId}/callback";
  static final String DEFAULT_GITHUB_EMAILS = "https://api.github.com/user/emails";

  private final Map<String, ClientRegistration> registrations = new LinkedHashMap<>();
  private final Map<String, OAuthProviderSettings> settings = new LinkedHashMap<>();

  /**
   * @param redirectBase the public URL of this server when a proxy hides it (else {@code
   *     {baseUrl}}: the URL the request came to)
   */
  OAuthProviders(List<OAuthProviderSettings> providers, @Nullable String redirectBase) {
    String base = redirectBase == null ? "{baseUrl}" : trimSlash(redirectBase);
    for (OAuthProviderSettings provider : providers) {
      if (provider.configured()) {
        registrations.put(provider.id(), registration(provider, base + CALLBACK));
        settings.put(provider.id(), provider);
      }
    }
  }

  boolean isEmpty() {
    return registrations.isEmpty();
  }

  @Nullable ClientRegistration find(String registrationId) {
    return registrations.get(registrationId);
  }

  /**
   * For Spring's OAuth filters. Not a bean: Spring Security would then wire OAuth client machinery
   * this server does not use (authorized-client managers for MVC arguments).
   */
  ClientRegistrationRepository repository() {
    return registrations::get;
  }

  @Override
  public Iterator<ClientRegistration> iterator() {
    return List.copyOf(registrations.values()).iterator();
  }

  /** Where GitHub lists a user's addresses with their verification. */
  String githubEmailsUri() {
    OAuthProviderSettings github = settings.get("github");
    return github == null || github.emailsUri() == null
        ? DEFAULT_GITHUB_EMAILS
        : Objects.requireNonNull(github.emailsUri());
  }

  List<String> ids() {
    return new ArrayList<>(registrations.keySet());
  }

  private static ClientRegistration registration(OAuthProviderSettings provider, String callback) {
    ClientRegistration.Builder builder =
        switch (provider.id()) {
          case "github" ->
              CommonOAuth2Provider.GITHUB
                  .getBuilder("github")
                  // user:email lets us read which address GitHub verified (/user/emails).
                  .scope("read:user", "user:email");
          case "google" -> CommonOAuth2Provider.GOOGLE.getBuilder("google");
          case "gitlab" -> gitlab(provider.baseUrl());
          default -> throw new IllegalArgumentException("unknown provider " + provider.id());
        };
    builder
        .clientId(Objects.requireNonNull(provider.clientId()))
        .clientSecret(Objects.requireNonNull(provider.clientSecret()))
        .redirectUri(callback);
    if (provider.authorizationUri() != null) {
      builder.authorizationUri(provider.authorizationUri());
    }
    if (provider.tokenUri() != null) {
      builder.tokenUri(provider.tokenUri());
    }
    if (provider.userInfoUri() != null) {
      builder.userInfoUri(provider.userInfoUri());
    }
    if (provider.jwkSetUri() != null) {
      builder.jwkSetUri(provider.jwkSetUri());
    }
    if (provider.issuerUri() != null) {
      builder.issuerUri(provider.issuerUri());
    }
    return builder.build();
  }

  // GitLab speaks OpenID Connect; its id token carries email and email_verified.
  private static ClientRegistration.Builder gitlab(@Nullable String baseUrl) {
    String base = trimSlash(baseUrl == null ? "https://gitlab.com" : baseUrl);
    return ClientRegistration.withRegistrationId("gitlab")
        .clientName("GitLab")
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .scope("openid", "profile", "email")
        .authorizationUri(base + "/oauth/authorize")
        .tokenUri(base + "/oauth/token")
        .userInfoUri(base + "/oauth/userinfo")
        .jwkSetUri(base + "/oauth/discovery/keys")
        .issuerUri(base)
        .userNameAttributeName("sub");
  }

  private static String trimSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
