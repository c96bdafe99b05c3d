package dev.atelier.identity.internal.oauth;

import dev.atelier.identity.internal.account.Accounts;
import dev.atelier.platform.AtelierException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * The end of a provider's round-trip at {@code /api/auth/oauth/{provider}/callback}: the browser is
 * sent back to the web app, signed in (the refresh cookie set, as a password sign-in sets it) at
 * {@code /}, or with the reason it was not at {@code /signin?oauth=REASON}; an explicit link goes
 * back to {@code /?oauth=linked} (or {@code /?oauth=REASON}).
 */
final class OAuthCallbacks implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

  private static final Logger log = LoggerFactory.getLogger(OAuthCallbacks.class);

  private final OAuthSignIn signIn;

  OAuthCallbacks(OAuthSignIn signIn) {
    this.signIn = signIn;
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    // The provider's principal is not an Atelier caller; nothing after this may see it as one.
    SecurityContextHolder.clearContext();
    Long linkUser = linkUser(request);
    if (!(authentication instanceof OAuth2AuthenticationToken token)) {
      redirect(request, response, refused(linkUser, "failed"));
      return;
    }
    OAuthProfile profile =
        OAuthProfile.of(token.getAuthorizedClientRegistrationId(), token.getPrincipal());
    OAuthSignIn.Outcome outcome;
    try {
      outcome = signIn.complete(profile, linkUser, client(request));
    } catch (AtelierException e) {
      log.warn("OAuth sign-in via {} failed: {}", profile.provider(), e.getMessage());
      outcome = new OAuthSignIn.Refused("failed");
    }
    switch (outcome) {
      case OAuthSignIn.SignedIn signedIn -> {
        response.addHeader(
            HttpHeaders.SET_COOKIE,
            RefreshCookie.of(
                signedIn.session().refreshToken(),
                signedIn.session().refreshLifetime(),
                request.isSecure()));
        redirect(request, response, "/");
      }
      case OAuthSignIn.Linked linked -> redirect(request, response, "/?oauth=linked");
      case OAuthSignIn.Refused refused -> {
        log.info("OAuth sign-in via {} refused: {}", profile.provider(), refused.reason());
        redirect(request, response, refused(linkUser, refused.reason()));
      }
    }
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    String reason =
        exception instanceof OAuth2AuthenticationException oauth
                && "access_denied".equals(oauth.getError().getErrorCode())
            ? "denied"
            : "failed";
    log.info("OAuth callback failed: {}", exception.getMessage());
    redirect(request, response, refused(linkUser(request), reason));
  }

  private static String refused(@Nullable Long linkUser, String reason) {
    return (linkUser == null ? "/signin?oauth=" : "/?oauth=") + reason;
  }

  private static @Nullable Long linkUser(HttpServletRequest request) {
    OAuth2AuthorizationRequest completed = OAuthStateCookie.completed(request);
    Object user =
        completed == null ? null : completed.getAttributes().get(OAuthStateCookie.LINK_USER);
    if (user == null) {
      return null;
    }
    try {
      return Long.valueOf(user.toString());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static void redirect(
      HttpServletRequest request, HttpServletResponse response, String path) {
    response.setStatus(HttpServletResponse.SC_FOUND);
    response.setHeader(HttpHeaders.LOCATION, request.getContextPath() + path);
  }

  static Accounts.Client client(HttpServletRequest request) {
    return new Accounts.Client(request.getHeader(HttpHeaders.USER_AGENT), request.getRemoteAddr());
  }
}
