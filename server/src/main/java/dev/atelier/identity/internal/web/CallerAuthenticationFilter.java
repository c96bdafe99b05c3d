package dev.atelier.identity.internal.web;

import dev.atelier.identity.IdentityError;
import dev.atelier.identity.InstallToken;
import dev.atelier.identity.internal.ApiKeyScope;
import dev.atelier.identity.internal.ApiKeys;
import dev.atelier.identity.internal.CallerAuthentication;
import dev.atelier.identity.internal.SessionCookies;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one door every request passes: first the DNS-rebinding checks (a foreign {@code Origin} or,
 * on loopback, a foreign {@code Host} is 403), then who the caller is — an API key ({@code
 * atl_...}, held to its scopes), the install token as a bearer, or the session cookie a login link
 * set. A bearer that is not valid is refused here (401); no credential at all leaves the request
 * anonymous, and the authorization rules decide.
 */
final class CallerAuthenticationFilter extends OncePerRequestFilter {

  private static final String BEARER = "bearer ";

  private final InstallToken token;
  private final ApiKeys keys;
  private final SessionCookies sessions;
  private final LoopbackGuard guard;
  private final ProblemResponses problems;
  private final SecurityContextHolderStrategy contexts =
      SecurityContextHolder.getContextHolderStrategy();

  CallerAuthenticationFilter(
      InstallToken token,
      ApiKeys keys,
      SessionCookies sessions,
      LoopbackGuard guard,
      ProblemResponses problems) {
    this.token = token;
    this.keys = keys;
    this.sessions = sessions;
    this.guard = guard;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    if (!guard.allowsOrigin(origin, request.getLocalPort())) {
      problems.refuse(
          request,
          response,
          IdentityError.FORBIDDEN_ORIGIN,
          "requests from origin "
              + shown(origin)
              + " are refused (DNS rebinding protection); allowed: loopback origins on this"
              + " port and those listed in atelier.mcp.origins");
      return;
    }
    String host = request.getHeader(HttpHeaders.HOST);
    if (!guard.allowsHost(host)) {
      problems.refuse(
          request,
          response,
          IdentityError.FORBIDDEN_ORIGIN,
          "requests for host "
              + shown(host)
              + " are refused (DNS rebinding protection); allowed: localhost, 127.0.0.1, [::1]"
              + " and the names listed in atelier.mcp.hosts");
      return;
    }
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    String presented = authorization == null ? null : bearer(authorization);
    if (presented != null && ApiKeys.looksLikeKey(presented)) {
      ApiKeys.KeyHolder holder;
      try {
        holder = keys.authenticate(presented);
      } catch (AtelierException invalid) {
        response.setHeader(
            HttpHeaders.WWW_AUTHENTICATE, ProblemResponses.CHALLENGE + ", error=\"invalid_token\"");
        problems.refuse(request, response, IdentityError.UNAUTHORIZED, invalid.getMessage());
        return;
      }
      ApiKeyScope needed = KeyScopes.needed(request.getMethod(), request.getRequestURI());
      if (!KeyScopes.allows(holder.scopes(), needed)) {
        problems.refuse(
            request,
            response,
            IdentityError.FORBIDDEN,
            "this API key's scopes do not allow this request (it needs '" + needed.wire() + "')");
        return;
      }
      authenticate(new Caller(holder.orgId(), holder.userId(), Caller.Credential.API_KEY));
    } else if (authorization != null) {
      if (!token.matches(presented)) {
        response.setHeader(
            HttpHeaders.WWW_AUTHENTICATE, ProblemResponses.CHALLENGE + ", error=\"invalid_token\"");
        problems.refuse(
            request,
            response,
            IdentityError.UNAUTHORIZED,
            "the bearer token is not this install's; `atelier token` prints the right one");
        return;
      }
      authenticate(Caller.localOwner(Caller.Credential.INSTALL_TOKEN));
    } else if (hasValidSession(request)) {
      authenticate(Caller.localOwner(Caller.Credential.SESSION));
    }
    chain.doFilter(request, response);
  }

  private void authenticate(Caller caller) {
    SecurityContext context = contexts.createEmptyContext();
    context.setAuthentication(new CallerAuthentication(caller));
    contexts.setContext(context);
  }

  private boolean hasValidSession(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return false;
    }
    for (Cookie cookie : cookies) {
      if (SessionCookies.NAME.equals(cookie.getName()) && sessions.isValid(cookie.getValue())) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable String bearer(String authorization) {
    return authorization.length() > BEARER.length()
            && authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)
        ? authorization.substring(BEARER.length()).strip()
        : null;
  }

  // A header value quoted in a message: printable ASCII only, and short.
  private static String shown(@Nullable String value) {
    String printable = String.valueOf(value).replaceAll("[^\\x20-\\x7e]", "?");
    return "'" + (printable.length() > 80 ? printable.substring(0, 80) + "..." : printable) + "'";
  }
}
