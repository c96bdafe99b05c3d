package dev.atelier.identity.internal.oauth;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps a pending authorization request (state, nonce, PKCE verifier, and the user to link) in a
 * short-lived cookie sealed with AES-GCM, because the filter chain keeps no HTTP session. A cookie
 * rather than a table: it binds the round-trip to the browser that started it (a callback URL
 * handed to someone else finds no cookie there, which stops login CSRF), any node of a service can
 * open it, and nothing is left to clean up. SameSite=Lax, since the callback is a top-level
 * navigation from the provider's site, which a Strict cookie would not ride along.
 */
final class OAuthStateCookie implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

  static final String NAME = "atelier_oauth";
  static final Duration LIFETIME = Duration.ofMinutes(10);

  /** The attribute of an authorization request that names the signed-in user who links. */
  static final String LINK_USER = "atelier_link_user";

  private static final String REMOVED = OAuthStateCookie.class.getName() + ".removed";

  /** What the cookie holds: the parts of {@link OAuth2AuthorizationRequest} a callback needs. */
  record Stored(
      String authorizationUri,
      String clientId,
      @Nullable String redirectUri,
      Set<String> scopes,
      String state,
      Map<String, String> parameters,
      Map<String, String> attributes,
      String authorizationRequestUri,
      long expiresAt) {}

  private final OAuthStateKey key;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();

  OAuthStateCookie(OAuthStateKey key, Clock clock) {
    this.key = key;
    this.clock = clock;
  }

  @Override
  public @Nullable OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
    String state = request.getParameter(OAuth2ParameterNames.STATE);
    OAuth2AuthorizationRequest stored = read(request);
    return stored == null || state == null || !state.equals(stored.getState()) ? null : stored;
  }

  @Override
  public void saveAuthorizationRequest(
      @Nullable OAuth2AuthorizationRequest authorizationRequest,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (authorizationRequest == null) {
      clear(request, response);
      return;
    }
    Stored stored =
        new Stored(
            authorizationRequest.getAuthorizationUri(),
            authorizationRequest.getClientId(),
            authorizationRequest.getRedirectUri(),
            authorizationRequest.getScopes(),
            java.util.Objects.requireNonNull(
                authorizationRequest.getState(), "an authorization request has a state"),
            strings(authorizationRequest.getAdditionalParameters()),
            strings(authorizationRequest.getAttributes()),
            authorizationRequest.getAuthorizationRequestUri(),
            clock.instant().plus(LIFETIME).toEpochMilli());
    String sealed = key.box().seal(json.writeValueAsBytes(stored));
    response.addHeader(HttpHeaders.SET_COOKIE, cookie(sealed, LIFETIME, request).toString());
  }

  @Override
  public @Nullable OAuth2AuthorizationRequest removeAuthorizationRequest(
      HttpServletRequest request, HttpServletResponse response) {
    OAuth2AuthorizationRequest stored = loadAuthorizationRequest(request);
    clear(request, response);
    if (stored != null) {
      request.setAttribute(REMOVED, stored);
    }
    return stored;
  }

  /** The request this callback completed (removed from its cookie earlier in the same request). */
  static @Nullable OAuth2AuthorizationRequest completed(HttpServletRequest request) {
    return request.getAttribute(REMOVED) instanceof OAuth2AuthorizationRequest removed
        ? removed
        : null;
  }

  private @Nullable OAuth2AuthorizationRequest read(HttpServletRequest request) {
    String value = cookieValue(request);
    if (value == null) {
      return null;
    }
    Stored stored;
    try {
      stored = json.readValue(key.box().open(value), Stored.class);
    } catch (IllegalStateException | IllegalArgumentException | JacksonException e) {
      // Forged, sealed under an older key, or cut short: the same as no cookie at all.
      return null;
    }
    if (stored.expiresAt() < clock.millis()) {
      return null;
    }
    return OAuth2AuthorizationRequest.authorizationCode()
        .authorizationUri(stored.authorizationUri())
        .clientId(stored.clientId())
        .redirectUri(stored.redirectUri())
        .scopes(stored.scopes())
        .state(stored.state())
        .additionalParameters(Map.<String, Object>copyOf(stored.parameters()))
        .attributes(Map.<String, Object>copyOf(stored.attributes()))
        .authorizationRequestUri(stored.authorizationRequestUri())
        .build();
  }

  private static void clear(HttpServletRequest request, HttpServletResponse response) {
    if (cookieValue(request) != null) {
      response.addHeader(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO, request).toString());
    }
  }

  private static ResponseCookie cookie(String value, Duration maxAge, HttpServletRequest request) {
    return ResponseCookie.from(NAME, value)
        .httpOnly(true)
        .secure(request.isSecure())
        .sameSite("Lax")
        .path(OAuthProviders.AUTHORIZATION_BASE)
        .maxAge(maxAge)
        .build();
  }

  private static @Nullable String cookieValue(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (NAME.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
          return cookie.getValue();
        }
      }
    }
    return null;
  }

  // Every value Spring puts here (nonce, PKCE, registration id) is a string; so is ours.
  private static Map<String, String> strings(Map<String, Object> values) {
    Map<String, String> copy = new LinkedHashMap<>();
    values.forEach((name, value) -> copy.put(name, String.valueOf(value)));
    return copy;
  }
}
