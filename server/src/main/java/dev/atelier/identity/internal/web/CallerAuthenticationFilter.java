package dev.atelier.identity.internal.web;

import dev.atelier.identity.IdentityError;
import dev.atelier.identity.InstallToken;
import dev.atelier.identity.internal.ApiKeyScope;
import dev.atelier.identity.internal.ApiKeys;
import dev.atelier.identity.internal.CallerAuthentication;
import dev.atelier.identity.internal.SessionCookies;
import dev.atelier.identity.internal.account.Orgs;
import dev.atelier.identity.internal.token.AccessGate;
import dev.atelier.identity.internal.token.AccessTokens;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Caller;
import dev.atelier.platform.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one door every request passes: first the DNS-rebinding checks (a foreign {@code Origin} or,
 * on loopback, a foreign {@code Host} is 403), then who the caller is — an access token (JWT), an
 * API key ({@code atl_...}, held to its scopes), the install token as a bearer, or the session
 * cookie a login link set — and finally whether the caller's role (narrowed by a key's scopes)
 * allows the request. A bearer that is not valid is refused here (401); no credential at all leaves
 * the request anonymous, and the authorization rules decide.
 */
final class CallerAuthenticationFilter extends OncePerRequestFilter {

  private static final String BEARER = "bearer ";

  private final InstallToken token;
  private final ApiKeys keys;
  private final AccessGate gate;
  private final Orgs orgs;
  private final SessionCookies sessions;
  private final boolean loginLinks;
  private final LoopbackGuard guard;
  private final ProblemResponses problems;
  private final SecurityContextHolderStrategy contexts =
      SecurityContextHolder.getContextHolderStrategy();

  /**
   * @param loginLinks whether the login-link cookie signs a browser in as the implicit local owner;
   *     off when every caller signs in with an account (the install token, which only the install's
   *     operator can read, stays the owner's credential for the CLI and scripts)
   */
  CallerAuthenticationFilter(
      InstallToken token,
      ApiKeys keys,
      AccessGate gate,
      Orgs orgs,
      SessionCookies sessions,
      boolean loginLinks,
      LoopbackGuard guard,
      ProblemResponses problems) {
    this.token = token;
    this.keys = keys;
    this.gate = gate;
    this.orgs = orgs;
    this.sessions = sessions;
    this.loginLinks = loginLinks;
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
    String ticket = authorization == null ? eventTicket(request) : null;
    CallerAuthentication authentication;
    Set<ApiKeyScope> keyScopes = null;
    try {
      if (ticket != null) {
        AccessGate.Admitted admitted = gate.admitTicket(ticket);
        authentication = new CallerAuthentication(admitted.caller(), admitted.sessionId());
      } else if (presented != null && AccessTokens.looksLikeJwt(presented)) {
        AccessGate.Admitted admitted = gate.admit(presented);
        authentication = new CallerAuthentication(admitted.caller(), admitted.sessionId());
      } else if (presented != null && ApiKeys.looksLikeKey(presented)) {
        ApiKeys.KeyHolder holder = keys.authenticate(presented);
        authentication = new CallerAuthentication(keyHolder(holder, holder.scopes()), null);
        keyScopes = holder.scopes();
      } else if (authorization != null) {
        if (!token.matches(presented)) {
          throw new AtelierException(
              IdentityError.UNAUTHORIZED,
              "the bearer is neither an access token, an API key nor this install's token"
                  + " (`atelier token` prints it)");
        }
        authentication =
            new CallerAuthentication(Caller.localOwner(Caller.Credential.INSTALL_TOKEN), null);
      } else if (loginLinks && hasValidSession(request)) {
        authentication =
            new CallerAuthentication(Caller.localOwner(Caller.Credential.SESSION), null);
      } else {
        chain.doFilter(request, response);
        return;
      }
    } catch (AtelierException invalid) {
      response.setHeader(
          HttpHeaders.WWW_AUTHENTICATE, ProblemResponses.CHALLENGE + ", error=\"invalid_token\"");
      problems.refuse(request, response, IdentityError.UNAUTHORIZED, invalid.getMessage());
      return;
    }
    String refusal =
        refusal(
            authentication.getPrincipal().role(),
            keyScopes,
            request.getMethod(),
            request.getRequestURI());
    if (refusal != null) {
      problems.refuse(request, response, IdentityError.FORBIDDEN, refusal);
      return;
    }
    SecurityContext context = contexts.createEmptyContext();
    context.setAuthentication(authentication);
    contexts.setContext(context);
    chain.doFilter(request, response);
  }

  // Only the event streams take a ticket, and only in the URL of a GET (EventSource, WebSocket).
  private static @Nullable String eventTicket(HttpServletRequest request) {
    String path = request.getRequestURI();
    if (!"GET".equals(request.getMethod())
        || !(path.equals("/api/events") || path.equals("/events") || path.equals("/api/ws"))) {
      return null;
    }
    String ticket = request.getParameter("ticket");
    return ticket == null || ticket.isBlank() ? null : ticket;
  }

  // A key acts with its owner's role now, narrowed by its scopes at each request.
  private Caller keyHolder(ApiKeys.KeyHolder holder, Set<ApiKeyScope> scopes) {
    long userId;
    try {
      userId = Long.parseLong(holder.userId());
    } catch (NumberFormatException e) {
      throw new AtelierException(IdentityError.UNAUTHORIZED, "the API key has no owner");
    }
    Role role =
        orgs.role(holder.orgId(), userId)
            .orElseThrow(() ->
                new AtelierException(
                    IdentityError.UNAUTHORIZED, "the API key's owner is no longer in its org"));
    return new Caller(
        holder.orgId(), userId, KeyScopes.narrow(role, scopes), Caller.Credential.API_KEY);
  }

  /** Why the caller may not make this request, or null when it may. */
  static @Nullable String refusal(
      Role role, @Nullable Set<ApiKeyScope> keyScopes, String method, String path) {
    ApiKeyScope needed = KeyScopes.needed(method, path);
    if (keyScopes != null && !KeyScopes.allows(keyScopes, needed)) {
      return "this API key's scopes do not allow this request (it needs '" + needed.wire() + "')";
    }
    if (!KeyScopes.allows(KeyScopes.ofRole(role), needed)
        && !KeyScopes.isSelfService(method, path)) {
      return "a " + role.wire() + " may not make this request (it needs '" + needed.wire() + "')";
    }
    return null;
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
