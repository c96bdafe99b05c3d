package dev.atelier.identity.internal.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

class OAuthProvidersTest {

  private static OAuthProviderSettings only(String id, String clientId, String secret) {
    return new OAuthProviderSettings(
        id, clientId, secret, null, null, null, null, null, null, null);
  }

  @Test
  void registersOnlyProvidersWithBothAClientIdAndASecret() {
    OAuthProviders providers =
        new OAuthProviders(
            List.of(
                only("github", "gh-id", "gh-secret"),
                new OAuthProviderSettings(
                    "google", "g-id", null, null, null, null, null, null, null, null)),
            null);

    assertThat(providers.ids()).containsExactly("github");
    assertThat(providers.find("google")).isNull();
    ClientRegistration github = providers.find("github");
    assertThat(github).isNotNull();
    assertThat(github.getScopes()).containsExactlyInAnyOrder("read:user", "user:email");
    assertThat(github.getProviderDetails().getTokenUri())
        .isEqualTo("https://github.com/login/oauth/access_token");
    assertThat(github.getRedirectUri())
        .isEqualTo("{baseUrl}/api/auth/oauth/{registrationId}/callback");
    assertThat(providers.githubEmailsUri()).isEqualTo("https://api.github.com/user/emails");
    assertThat(new OAuthProviders(List.of(), null).isEmpty()).isTrue();
  }

  @Test
  void gitLabEndpointsFollowItsBaseUrlAndEachCanBeOverridden() {
    OAuthProviders providers =
        new OAuthProviders(
            List.of(
                new OAuthProviderSettings(
                    "gitlab",
                    "id",
                    "secret",
                    "https://git.example.com/",
                    null,
                    "https://tokens.example.com/token",
                    null,
                    null,
                    null,
                    null)),
            "https://atelier.example.com/");

    ClientRegistration gitlab = providers.find("gitlab");
    assertThat(gitlab).isNotNull();
    ClientRegistration.ProviderDetails details = gitlab.getProviderDetails();
    assertThat(details.getAuthorizationUri()).isEqualTo("https://git.example.com/oauth/authorize");
    assertThat(details.getTokenUri()).isEqualTo("https://tokens.example.com/token");
    assertThat(details.getUserInfoEndpoint().getUri())
        .isEqualTo("https://git.example.com/oauth/userinfo");
    assertThat(details.getJwkSetUri()).isEqualTo("https://git.example.com/oauth/discovery/keys");
    assertThat(details.getIssuerUri()).isEqualTo("https://git.example.com");
    assertThat(gitlab.getScopes()).contains("openid", "email");
    assertThat(gitlab.getRedirectUri())
        .isEqualTo("https://atelier.example.com/api/auth/oauth/{registrationId}/callback");
  }
}
