package dev.atelier.identity.internal.web;

import dev.atelier.identity.IdentityError;
import dev.atelier.platform.AtelierException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Refusals of the security chain as RFC 9457 problems, written by the same handler as every other
 * API error; an anonymous request to a protected path gets 401 with a Bearer challenge.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  static final String CHALLENGE = "Bearer realm=\"atelier\"";

  private final HandlerExceptionResolver problems;

  ProblemResponses(HandlerExceptionResolver problems) {
    this.problems = problems;
  }

  @Override
  public void commence(
      HttpServletRequest request,
      HttpServletResponse response,
      AuthenticationException authException)
      throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
    refuse(
        request,
        response,
        IdentityError.UNAUTHORIZED,
        "sign in: open the login link `atelier serve` printed (or run `atelier open`); scripts"
            + " send Authorization: Bearer <token>, which `atelier token` prints");
  }

  @Override
  public void handle(
      HttpServletRequest request,
      HttpServletResponse response,
      org.springframework.security.access.AccessDeniedException denied)
      throws IOException {
    refuse(request, response, IdentityError.FORBIDDEN, "not allowed for this caller");
  }

  void refuse(
      HttpServletRequest request, HttpServletResponse response, IdentityError code, String detail)
      throws IOException {
    if (problems.resolveException(request, response, null, new AtelierException(code, detail))
        == null) {
      response.sendError(code.httpStatus(), detail);
    }
  }
}
