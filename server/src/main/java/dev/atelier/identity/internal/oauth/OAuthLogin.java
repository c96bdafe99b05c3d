package dev.atelier.identity.internal.oauth;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;

/**
 * Adds Spring's OAuth login to the one filter chain when at least one provider is configured:
 * {@code GET /api/auth/oauth/{provider}} redirects to the provider, {@code
 * /api/auth/oauth/{provider}/callback} completes the round-trip, with the pending request in a
 * sealed cookie (the chain keeps no session) and no provider tokens kept.
 */
public final class OAuthLogin {

  private final OAuthProviders providers;
  private final OAuthStateCookie stateCookie;
  private final OAuthCallbacks callbacks;

  OAuthLogin(OAuthProviders providers, OAuthStateCookie stateCookie, OAuthCallbacks callbacks) {
    this.providers = providers;
    this.stateCookie = stateCookie;
    this.callbacks = callbacks;
  }

  /** Configures OAuth login on {@code http}; nothing when no provider is configured. */
  public void configure(HttpSecurity http) {
    if (providers.isEmpty()) {
      return;
    }
    http.oauth2Login(login ->
        login
            .clientRegistrationRepository(providers.repository())
            .authorizedClientRepository(new DiscardedAuthorizedClients())
            // The web app's page; set so that Spring generates no login page of its own.
            .loginPage("/signin")
            .authorizationEndpoint(start ->
                start
                    .baseUri(OAuthProviders.AUTHORIZATION_BASE)
                    .authorizationRequestResolver(new OAuthRequests(providers.repository()))
                    .authorizationRequestRepository(stateCookie))
            .redirectionEndpoint(
                callback -> callback.baseUri(OAuthProviders.AUTHORIZATION_BASE + "/*/callback"))
            .userInfoEndpoint(users ->
                users
                    .userService(new GitHubUsers(providers.githubEmailsUri()))
                    .oidcUserService(new OidcUserService()))
            .successHandler(callbacks)
            .failureHandler(callbacks));
  }
}
