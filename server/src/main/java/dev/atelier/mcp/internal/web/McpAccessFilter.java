package dev.atelier.mcp.internal.web;

import dev.atelier.mcp.AccessToken;
import dev.atelier.mcp.McpError;
import dev.atelier.platform.AtelierException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Lets a request through to {@code /mcp} only from a loopback origin and host (403 otherwise) and
 * with the install's bearer token (401 with {@code WWW-Authenticate: Bearer} otherwise). Refusals
 * are RFC 9457 problems written by the same handler as every other API error.
 */
final class McpAccessFilter extends OncePerRequestFilter {

  private static final String BEARER = "bearer ";
  private static final String CHALLENGE = "Bearer realm=\"atelier\"";

  private final @Nullable AccessToken token;
  private final LoopbackGuard guard;
  private final HandlerExceptionResolver problems;

  /**
   * @param token the install's token, or null where only the origin and host are checked (the REST
   *     API, which the web app calls from the same origin)
   */
  McpAccessFilter(
      @Nullable AccessToken token, LoopbackGuard guard, HandlerExceptionResolver problems) {
    this.token = token;
    this.guard = guard;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    if (!guard.allowsOrigin(origin, request.getLocalPort())) {
      refuse(
          request,
          response,
          McpError.FORBIDDEN_ORIGIN,
          "requests from origin "
              + shown(origin)
              + " are refused (DNS rebinding protection); allowed: loopback origins on this"
              + " port and those listed in atelier.mcp.origins");
      return;
    }
    String host = request.getHeader(HttpHeaders.HOST);
    if (!guard.allowsHost(host)) {
      refuse(
          request,
          response,
          McpError.FORBIDDEN_ORIGIN,
          "requests for host "
              + shown(host)
              + " are refused (DNS rebinding protection); allowed: localhost, 127.0.0.1, [::1]"
              + " and the names listed in atelier.mcp.hosts");
      return;
    }
    if (token == null) {
      chain.doFilter(request, response);
      return;
    }
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization == null) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
      refuse(
          request,
          response,
          McpError.UNAUTHORIZED,
          "send Authorization: Bearer <token>; `atelier token` prints the token of this install");
      return;
    }
    if (!token.matches(bearer(authorization))) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE + ", error=\"invalid_token\"");
      refuse(
          request,
          response,
          McpError.UNAUTHORIZED,
          "the bearer token is not this install's; `atelier token` prints the right one");
      return;
    }
    chain.doFilter(request, response);
  }

  private static @Nullable String bearer(String authorization) {
    return authorization.length() > BEARER.length()
            && authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)
        ? authorization.substring(BEARER.length()).strip()
        : null;
  }

  private void refuse(
      HttpServletRequest request, HttpServletResponse response, McpError code, String detail)
      throws IOException {
    if (problems.resolveException(request, response, null, new AtelierException(code, detail))
        == null) {
      response.sendError(code.httpStatus(), detail);
    }
  }

  // A header value quoted in a message: printable ASCII only, and short.
  private static String shown(@Nullable String value) {
    String printable = String.valueOf(value).replaceAll("[^\\x20-\\x7e]", "?");
    return "'" + (printable.length() > 80 ? printable.substring(0, 80) + "..." : printable) + "'";
  }
}
