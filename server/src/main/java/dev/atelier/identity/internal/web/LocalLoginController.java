package dev.atelier.identity.internal.web;

import dev.atelier.audit.AuditEvent;
import dev.atelier.identity.IdentityError;
import dev.atelier.identity.LoginLinks;
import dev.atelier.identity.internal.LoginCodes;
import dev.atelier.identity.internal.SessionCookies;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signing a browser in to a local install: a one-time login link sets an HttpOnly, SameSite=Strict
 * session cookie; {@code atelier open} asks (with the install token) for a fresh link.
 */
@RestController
@RequestMapping("/api/auth")
@Tag(name = "authentication", description = "Login links and browser sessions of a local install")
class LocalLoginController {

  private final LoginCodes codes;
  private final SessionCookies sessions;
  private final ApplicationEventPublisher events;

  LocalLoginController(
      LoginCodes codes, SessionCookies sessions, ApplicationEventPublisher events) {
    this.codes = codes;
    this.sessions = sessions;
    this.events = events;
  }

  @GetMapping("/local")
  @Operation(
      summary = "Open a one-time login link: sets the session cookie and goes to the web app",
      description =
          "303 to / with the cookie when the code is valid; 303 to /signin?link=expired when it"
              + " was used already, expired, or never issued.")
  ResponseEntity<Void> signIn(
      @RequestParam(defaultValue = "") String code, HttpServletRequest request) {
    if (code.isEmpty() || code.length() > 128 || !codes.redeem(code)) {
      events.publishEvent(
          new AuditEvent(
              Caller.LOCAL_ORG,
              "session",
              null,
              "login-failed",
              Map.of(),
              Map.of("reason", "login link unknown, spent or expired")));
      return ResponseEntity.status(HttpStatus.SEE_OTHER)
          .location(URI.create("/signin?link=expired"))
          .build();
    }
    ResponseCookie cookie =
        ResponseCookie.from(SessionCookies.NAME, sessions.issue())
            .httpOnly(true)
            .secure(request.isSecure())
            .sameSite("Strict")
            .path("/")
            .maxAge(sessions.lifetime())
            .build();
    events.publishEvent(
        new AuditEvent(
            Caller.LOCAL_ORG, "session", null, "login", Map.of(), Map.of("via", "login link")));
    return ResponseEntity.status(HttpStatus.SEE_OTHER)
        .header(HttpHeaders.SET_COOKIE, cookie.toString())
        .location(URI.create("/"))
        .build();
  }

  /** A login link's path, for {@code atelier open}. */
  record LoginLink(String path) {}

  @PostMapping("/login-links")
  @Operation(summary = "A fresh one-time login link (valid for 5 minutes), for `atelier open`")
  LoginLink newLink(Caller caller) {
    if (caller.userId() != Caller.LOCAL_OWNER || caller.orgId() != Caller.LOCAL_ORG) {
      throw new AtelierException(
          IdentityError.FORBIDDEN, "login links are for the install's own owner only");
    }
    events.publishEvent(
        new AuditEvent(Caller.LOCAL_ORG, "login-link", null, "created", Map.of(), Map.of()));
    return new LoginLink(codes.newLoginPath(LoginLinks.LinkUse.IMMEDIATE));
  }
}
