package dev.atelier.identity.internal.oauth;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * Spring's authorization requests for {@code /api/auth/oauth/{provider}}, but none for a provider
 * that is not configured: that request goes on to the controller, which answers a 404 problem
 * (Spring's filter would answer a bare 500).
 */
final class OAuthRequests implements OAuth2AuthorizationRequestResolver {

  private static final String PREFIX = OAuthProviders.AUTHORIZATION_BASE + "/";

  private final ClientRegistrationRepository registrations;
  private final DefaultOAuth2AuthorizationRequestResolver delegate;

  OAuthRequests(ClientRegistrationRepository registrations) {
    this.registrations = registrations;
    this.delegate =
        new DefaultOAuth2AuthorizationRequestResolver(
            registrations, OAuthProviders.AUTHORIZATION_BASE);
  }

  @Override
  public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith(PREFIX)) {
      return null;
    }
    String provider = path.substring(PREFIX.length());
    return provider.contains("/") || registrations.findByRegistrationId(provider) == null
        ? null
        : delegate.resolve(request);
  }

  @Override
  public @Nullable OAuth2AuthorizationRequest resolve(
      HttpServletRequest request, String clientRegistrationId) {
    return registrations.findByRegistrationId(clientRegistrationId) == null
        ? null
        : delegate.resolve(request, clientRegistrationId);
  }
}
