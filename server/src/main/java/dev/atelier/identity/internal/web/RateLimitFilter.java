package dev.atelier.identity.internal.web;

import dev.atelier.identity.IdentityError;
import dev.atelier.identity.internal.RateLimits;
import dev.atelier.platform.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds every request to its caller's budget, after authentication has said who the caller is:
 * {@code RateLimit-Limit}, {@code -Remaining} and {@code -Reset} on every answer, and 429 with
 * {@code Retry-After} once the budget is spent.
 */
final class RateLimitFilter extends OncePerRequestFilter {

  private final RateLimits limits;
  private final ProblemResponses problems;

  RateLimitFilter(RateLimits limits, ProblemResponses problems) {
    this.limits = limits;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    Caller caller =
        authentication != null && authentication.getPrincipal() instanceof Caller known
            ? known
            : null;
    boolean anonymous = caller == null;
    String key =
        caller == null
            ? "ip:" + request.getRemoteAddr()
            : "caller:" + caller.orgId() + ":" + caller.subject() + ":" + caller.credential();
    RateLimits.Verdict verdict = limits.take(key, anonymous);
    response.setHeader("RateLimit-Limit", Long.toString(verdict.limit()));
    response.setHeader("RateLimit-Remaining", Long.toString(verdict.remaining()));
    response.setHeader("RateLimit-Reset", Long.toString(verdict.resetSeconds()));
    if (!verdict.allowed()) {
      response.setHeader("Retry-After", Long.toString(verdict.resetSeconds()));
      problems.refuse(
          request,
          response,
          IdentityError.RATE_LIMITED,
          "this caller's budget of "
              + verdict.limit()
              + " requests a minute is spent; try again in "
              + verdict.resetSeconds()
              + " s");
      return;
    }
    chain.doFilter(request, response);
  }

  // Static files of the web app are not counted (a page load fetches many at once), nor the health
  // check that load balancers poll.
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return path.equals("/api/health")
        || !(path.startsWith("/api/")
            || path.equals("/mcp")
            || path.startsWith("/mcp/")
            || path.startsWith("/actuator/")
            || path.equals("/events"));
  }
}
