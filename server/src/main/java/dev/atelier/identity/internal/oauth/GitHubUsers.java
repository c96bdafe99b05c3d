package dev.atelier.identity.internal.oauth;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * GitHub users: GitHub speaks plain OAuth, and the {@code email} of {@code /user} is only the
 * public one, unverified. The primary address and whether GitHub verified it come from {@code
 * /user/emails} and replace it as {@code email} and {@code email_verified}. Other non-OIDC
 * providers pass through unchanged.
 */
final class GitHubUsers implements OAuth2UserService<OAuth2UserRequest, OAuth2User> {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> EMAILS =
      new ParameterizedTypeReference<>() {};

  private final DefaultOAuth2UserService users = new DefaultOAuth2UserService();
  private final RestClient rest = RestClient.create();
  private final String emailsUri;

  GitHubUsers(String emailsUri) {
    this.emailsUri = emailsUri;
  }

  @Override
  public OAuth2User loadUser(OAuth2UserRequest request) {
    OAuth2User user = users.loadUser(request);
    if (!"github".equals(request.getClientRegistration().getRegistrationId())) {
      return user;
    }
    List<Map<String, Object>> emails;
    try {
      emails =
          rest.get()
              .uri(emailsUri)
              .headers(h -> h.setBearerAuth(request.getAccessToken().getTokenValue()))
              .accept(MediaType.APPLICATION_JSON)
              .retrieve()
              .body(EMAILS);
    } catch (RestClientException e) {
      throw new OAuth2AuthenticationException(
          new OAuth2Error("invalid_user_info_response", "GitHub did not list the emails", null), e);
    }
    Map<String, Object> primary = primary(emails == null ? List.of() : emails);
    Map<String, Object> attributes = new HashMap<>(user.getAttributes());
    attributes.remove("email");
    attributes.put("email_verified", false);
    if (primary != null && primary.get("email") instanceof String email) {
      attributes.put("email", email);
      attributes.put("email_verified", Boolean.TRUE.equals(primary.get("verified")));
    }
    String nameAttribute =
        request
            .getClientRegistration()
            .getProviderDetails()
            .getUserInfoEndpoint()
            .getUserNameAttributeName();
    return new DefaultOAuth2User(
        user.getAuthorities(), attributes, nameAttribute == null ? "id" : nameAttribute);
  }

  private static @Nullable Map<String, Object> primary(List<Map<String, Object>> emails) {
    for (Map<String, Object> email : emails) {
      if (Boolean.TRUE.equals(email.get("primary"))) {
        return email;
      }
    }
    return null;
  }
}
