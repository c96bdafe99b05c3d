package dev.atelier.identity.internal.oauth;

import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in providers: which are configured, and the explicit linking of one to the signed-in
 * account. The round-trip itself ({@code /api/auth/oauth/{provider}} and its callback) is answered
 * by Spring's OAuth filters for configured providers; the mappings here document it and answer 404
 * for the others.
 */
@RestController
@RequestMapping("/api/auth")
@Tag(name = "authentication", description = "Accounts, sign-in, tokens and sessions")
class OAuthController {

  private final OAuthProviders providers;
  private final OAuthRequests requests;
  private final OAuthStateCookie stateCookie;

  OAuthController(OAuthProviders providers, OAuthStateCookie stateCookie) {
    this.providers = providers;
    this.requests = new OAuthRequests(providers.repository());
    this.stateCookie = stateCookie;
  }

  /**
   * A configured provider.
   *
   * @param loginUrl where the browser goes to sign in with it (a full-page navigation)
   */
  record Provider(String id, String name, String loginUrl) {}

  /** Where the browser goes to link a provider to the signed-in account. */
  record LinkStart(String url) {}

  @GetMapping("/providers")
  @Operation(
      summary = "The configured sign-in providers (GitHub, Google, GitLab)",
      description = "Only providers with a client id and secret are listed; open without sign-in.")
  List<Provider> providers() {
    List<Provider> configured = new ArrayList<>();
    for (ClientRegistration registration : providers) {
      String id = registration.getRegistrationId();
      configured.add(
          new Provider(
              id, registration.getClientName(), OAuthProviders.AUTHORIZATION_BASE + "/" + id));
    }
    return configured;
  }

  @GetMapping("/oauth/{provider}")
  @Operation(
      summary = "Sign in with a provider: redirects (302) to it",
      description =
          "A full-page navigation. Comes back to the callback, which signs the browser in (the"
              + " refresh cookie, as a password sign-in sets it) and redirects to /, or to"
              + " /signin?oauth=REASON (unverified-email, no-email, registration-closed, denied,"
              + " failed). 404 when the provider is not configured.")
  ResponseEntity<Void> start(@PathVariable String provider) {
    throw notConfigured(provider);
  }

  @GetMapping("/oauth/{provider}/callback")
  @Operation(
      summary = "Where the provider sends the browser back (register this URL at the provider)",
      description =
          "Completes the sign-in or link started here; the pending request is checked against a"
              + " sealed cookie of this browser. 404 when the provider is not configured.")
  ResponseEntity<Void> callback(
      @PathVariable String provider,
      @RequestParam(required = false) @Nullable String code,
      @RequestParam(required = false) @Nullable String state,
      @RequestParam(required = false) @Nullable String error) {
    throw notConfigured(provider);
  }

  @PostMapping("/oauth/{provider}/link")
  @Operation(
      summary = "Link a provider's account to the signed-in account",
      description =
          "Answers the URL to visit (a full-page navigation) and sets a short-lived cookie that"
              + " carries who links. After the provider, the browser lands on /?oauth=linked, or"
              + " /?oauth=identity-taken when that provider account belongs to another user.")
  LinkStart link(
      @PathVariable String provider,
      Caller caller,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (caller.credential() != Caller.Credential.ACCESS_TOKEN) {
      throw new AtelierException(
          OAuthError.LINK_REFUSED, "linking needs an account signed in with an access token");
    }
    OAuth2AuthorizationRequest resolved = requests.resolve(request, provider);
    if (resolved == null) {
      throw notConfigured(provider);
    }
    OAuth2AuthorizationRequest linking =
        OAuth2AuthorizationRequest.from(resolved)
            .attributes(attributes ->
                attributes.put(OAuthStateCookie.LINK_USER, Long.toString(caller.userId())))
            .build();
    stateCookie.saveAuthorizationRequest(linking, request, response);
    return new LinkStart(linking.getAuthorizationRequestUri());
  }

  private static AtelierException notConfigured(String provider) {
    return new AtelierException(
        OAuthError.PROVIDER_NOT_FOUND,
        "no sign-in provider '"
            + (provider.length() > 40 ? provider.substring(0, 40) + "..." : provider)
            + "' is configured (GET /api/auth/providers lists them)");
  }
}
