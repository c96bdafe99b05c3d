package dev.atelier.identity.internal.web;

import dev.atelier.identity.IdentityError;
import dev.atelier.identity.internal.CallerAuthentication;
import dev.atelier.identity.internal.SessionCookies;
import dev.atelier.identity.internal.account.Accounts;
import dev.atelier.identity.internal.account.Orgs;
import dev.atelier.identity.internal.account.Users;
import dev.atelier.identity.internal.token.AccessGate;
import dev.atelier.identity.internal.token.AccessTokens;
import dev.atelier.identity.internal.token.AuthSessions;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Accounts and tokens: register, sign in (an access token for one org and a refresh token, in the
 * body for the CLI or in an HttpOnly cookie scoped to {@code /api/auth} for the browser), refresh
 * (rotating), switch org, sign out, and reset a forgotten password.
 */
@RestController
@RequestMapping("/api/auth")
@Tag(name = "authentication", description = "Accounts, sign-in, tokens and sessions")
class AuthController {

  static final String REFRESH_COOKIE = "atelier_refresh";
  static final String CSRF_HEADER = "X-Requested-With";

  private final Accounts accounts;
  private final Users users;
  private final Orgs orgs;
  private final AuthSessions sessions;
  private final AccessGate gate;

  AuthController(
      Accounts accounts, Users users, Orgs orgs, AuthSessions sessions, AccessGate gate) {
    this.accounts = accounts;
    this.users = users;
    this.orgs = orgs;
    this.sessions = sessions;
    this.gate = gate;
  }

  record Registration(
      @Nullable String email,
      @Nullable String password,
      @Nullable String displayName,
      @Nullable String orgName,
      @Nullable String invitation,
      @Nullable Boolean useCookie) {}

  record Login(
      @Nullable String email,
      @Nullable String password,
      @Nullable Long orgId,
      @Nullable Boolean useCookie) {}

  record Refresh(@Nullable String refreshToken, @Nullable Boolean useCookie) {}

  record OrgSwitch(@Nullable Long orgId) {}

  record Forgot(@Nullable String email) {}

  record Reset(@Nullable String code, @Nullable String password) {}

  /** Who signed in and into which org. */
  record Identity(long userId, String displayName, long orgId, String orgName, String role) {}

  /**
   * The answer of every sign-in: {@code refreshToken} is absent when it went into the cookie.
   *
   * @param expiresIn seconds until the access token expires
   * @param refreshExpiresIn seconds until the refresh token expires unless used
   */
  record Tokens(
      String accessToken,
      String tokenType,
      long expiresIn,
      @Nullable String refreshToken,
      long refreshExpiresIn,
      Identity identity) {}

  @PostMapping("/register")
  @Operation(
      summary = "Make an account and sign it in",
      description =
          "Without an invitation code the account owns a new org; with one it joins the"
              + " invitation's org in its role. Set useCookie for the browser.")
  ResponseEntity<Tokens> register(@RequestBody Registration body, HttpServletRequest request) {
    Accounts.SignedIn signedIn =
        accounts.register(
            body.email(),
            body.password(),
            body.displayName(),
            body.orgName(),
            body.invitation(),
            client(request));
    return answer(signedIn, Boolean.TRUE.equals(body.useCookie()), request, HttpStatus.CREATED);
  }

  @PostMapping("/login")
  @Operation(
      summary = "Sign in with email and password",
      description =
          "Answers accessToken, expiresIn and refreshToken (or, with useCookie, sets the refresh"
              + " token as an HttpOnly cookie). Attempts are limited per account and address.")
  ResponseEntity<Tokens> login(@RequestBody Login body, HttpServletRequest request) {
    Accounts.SignedIn signedIn =
        accounts.login(body.email(), body.password(), body.orgId(), client(request));
    return answer(signedIn, Boolean.TRUE.equals(body.useCookie()), request, HttpStatus.OK);
  }

  @PostMapping("/refresh")
  @Operation(
      summary = "Spend a refresh token for a new access and refresh token",
      description =
          "The token comes in the body, or from the cookie (then the X-Requested-With header is"
              + " required). A token used twice revokes its whole session.")
  ResponseEntity<Tokens> refresh(
      @RequestBody(required = false) @Nullable Refresh body, HttpServletRequest request) {
    String fromBody = body == null ? null : body.refreshToken();
    String token = fromBody != null ? fromBody : cookieToken(request);
    boolean cookie = fromBody == null || (body != null && Boolean.TRUE.equals(body.useCookie()));
    return answer(accounts.refresh(token), cookie, request, HttpStatus.OK);
  }

  @PostMapping("/token")
  @Operation(
      summary = "An access token of the same session for another org of the same user",
      description = "404 when the user is not a member of that org.")
  Tokens token(@RequestBody OrgSwitch body, Caller caller) {
    CallerAuthentication current = CallerArguments.current();
    String sessionId = current.sessionId();
    if (sessionId == null || body.orgId() == null) {
      throw new AtelierException(
          IdentityError.UNAUTHORIZED,
          body.orgId() == null
              ? "give the orgId to switch to"
              : "switching org needs an access token from signing in");
    }
    AccessTokens.Issued issued = accounts.switchOrg(caller.userId(), sessionId, body.orgId());
    gate.forget(sessionId);
    return tokens(issued, null, Duration.ZERO, caller.userId(), body.orgId());
  }

  @PostMapping("/logout")
  @Operation(
      summary = "Sign out: ends the session of the access or refresh token and clears cookies")
  ResponseEntity<Void> logout(
      @RequestBody(required = false) @Nullable Refresh body, HttpServletRequest request) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    String sessionId = null;
    Caller caller = null;
    if (authentication instanceof CallerAuthentication current) {
      sessionId = current.sessionId();
      caller = current.getPrincipal();
    }
    String refresh = body != null && body.refreshToken() != null ? body.refreshToken() : null;
    if (sessionId == null && refresh == null) {
      String fromCookie = cookieValue(request, REFRESH_COOKIE);
      if (fromCookie != null) {
        requireCsrfHeader(request);
        refresh = fromCookie;
      }
    }
    if (sessionId == null && refresh != null) {
      sessionId = sessions.sessionOf(refresh).orElse(null);
    }
    if (sessionId != null) {
      AuthSessions.Session session = sessions.find(sessionId).orElse(null);
      if (session != null) {
        accounts.logout(session.orgId(), session.userId(), sessionId);
        gate.forget(sessionId);
      }
    } else if (caller != null) {
      // The local install's login-link cookie: nothing to revoke server-side but the cookie.
      accounts.logoutLocal(caller);
    }
    return ResponseEntity.noContent()
        .header(HttpHeaders.SET_COOKIE, clear(SessionCookies.NAME, "/", request))
        .header(HttpHeaders.SET_COOKIE, clear(REFRESH_COOKIE, "/api/auth", request))
        .build();
  }

  @PostMapping("/password/forgot")
  @Operation(
      summary = "Send a password-reset link to an account's email",
      description =
          "Answers 202 whether or not the email has an account. Without a mail server the link"
              + " goes to the server log.")
  ResponseEntity<Void> forgot(@RequestBody Forgot body, HttpServletRequest request) {
    accounts.forgotPassword(body.email(), base(request), client(request));
    return ResponseEntity.accepted().build();
  }

  @PostMapping("/password/reset")
  @Operation(summary = "Set a new password with a reset link's code; every session ends")
  ResponseEntity<Void> reset(@RequestBody Reset body) {
    accounts.resetPassword(body.code(), body.password());
    return ResponseEntity.noContent().build();
  }

  private ResponseEntity<Tokens> answer(
      Accounts.SignedIn signedIn, boolean cookie, HttpServletRequest request, HttpStatus status) {
    Tokens tokens =
        tokens(
            signedIn.access(),
            cookie ? null : signedIn.refreshToken(),
            signedIn.refreshLifetime(),
            signedIn.userId(),
            signedIn.orgId());
    ResponseEntity.BodyBuilder builder = ResponseEntity.status(status);
    if (cookie) {
      builder.header(
          HttpHeaders.SET_COOKIE,
          ResponseCookie.from(REFRESH_COOKIE, signedIn.refreshToken())
              .httpOnly(true)
              .secure(request.isSecure())
              .sameSite("Strict")
              .path("/api/auth")
              .maxAge(signedIn.refreshLifetime())
              .build()
              .toString());
    }
    return builder.body(tokens);
  }

  private Tokens tokens(
      AccessTokens.Issued access,
      @Nullable String refreshToken,
      Duration refreshLifetime,
      long userId,
      long orgId) {
    Users.User user = users.find(userId).orElseThrow();
    Orgs.Org org = orgs.find(orgId).orElseThrow();
    String role = orgs.role(orgId, userId).map(r -> r.wire()).orElse("none");
    long expiresIn =
        Math.max(0, Duration.between(java.time.Instant.now(), access.expiresAt()).toSeconds());
    return new Tokens(
        access.token(),
        "Bearer",
        expiresIn,
        refreshToken,
        refreshLifetime.toSeconds(),
        new Identity(userId, user.displayName(), orgId, org.name(), role));
  }

  private static @Nullable String cookieToken(HttpServletRequest request) {
    String value = cookieValue(request, REFRESH_COOKIE);
    if (value != null) {
      requireCsrfHeader(request);
    }
    return value;
  }

  // A cookie rides along on cross-site requests; a custom header cannot be sent by a plain form.
  private static void requireCsrfHeader(HttpServletRequest request) {
    String header = request.getHeader(CSRF_HEADER);
    if (header == null || header.isBlank()) {
      throw new AtelierException(
          IdentityError.CSRF_REFUSED,
          "a request authenticated by cookie needs the " + CSRF_HEADER + " header");
    }
  }

  private static @Nullable String cookieValue(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (name.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
          return cookie.getValue();
        }
      }
    }
    return null;
  }

  private static String clear(String name, String path, HttpServletRequest request) {
    return ResponseCookie.from(name, "")
        .httpOnly(true)
        .secure(request.isSecure())
        .sameSite("Strict")
        .path(path)
        .maxAge(0)
        .build()
        .toString();
  }

  static Accounts.Client client(HttpServletRequest request) {
    return new Accounts.Client(request.getHeader(HttpHeaders.USER_AGENT), request.getRemoteAddr());
  }

  static String base(HttpServletRequest request) {
    return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
  }
}
