package dev.atelier.identity.internal.account;

import dev.atelier.audit.AuditEvent;
import dev.atelier.identity.IdentityError;
import dev.atelier.identity.internal.RateLimits;
import dev.atelier.identity.internal.password.PasswordPolicy;
import dev.atelier.identity.internal.password.PasswordResets;
import dev.atelier.identity.internal.token.AccessTokens;
import dev.atelier.identity.internal.token.AuthSessions;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.RetryLaterException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Signing up, in and out: registration (a new org, or an invitation's), password sign-in throttled
 * per account and per address, refresh-token rotation, switching org, password change and reset.
 * Every outcome that matters to security leaves an audit row.
 */
public final class Accounts {

  /** Attempts allowed per account and per address within {@link #THROTTLE_WINDOW}. */
  static final long ATTEMPTS_PER_ACCOUNT = 10;

  static final long ATTEMPTS_PER_ADDRESS = 50;
  static final Duration THROTTLE_WINDOW = Duration.ofMinutes(15);

  /** Who signs in, as the request shows it. */
  public record Client(@Nullable String userAgent, @Nullable String ip) {}

  /** A signed-in session: its access token for one org and the refresh token that continues it. */
  public record SignedIn(
      long userId,
      long orgId,
      String sessionId,
      AccessTokens.Issued access,
      String refreshToken,
      Duration refreshLifetime) {}

  private final Users users;
  private final Orgs orgs;
  private final Invitations invitations;
  private final PasswordEncoder encoder;
  private final PasswordPolicy policy;
  private final PasswordResets resets;
  private final AuthSessions sessions;
  private final AccessTokens tokens;
  private final RateLimits limits;
  private final LinkDelivery delivery;
  private final ApplicationEventPublisher events;
  private final boolean openRegistration;
  // Compared against when the email is unknown, so that both cases take the hash's time.
  private final String decoyHash;

  public Accounts(
      Users users,
      Orgs orgs,
      Invitations invitations,
      PasswordEncoder encoder,
      PasswordPolicy policy,
      PasswordResets resets,
      AuthSessions sessions,
      AccessTokens tokens,
      RateLimits limits,
      LinkDelivery delivery,
      ApplicationEventPublisher events,
      boolean openRegistration) {
    this.users = users;
    this.orgs = orgs;
    this.invitations = invitations;
    this.encoder = encoder;
    this.policy = policy;
    this.resets = resets;
    this.sessions = sessions;
    this.tokens = tokens;
    this.limits = limits;
    this.delivery = delivery;
    this.events = events;
    this.openRegistration = openRegistration;
    this.decoyHash = hash("decoy password that nobody has");
  }

  /**
   * Makes an account and signs it in: into the org of its invitation, or into a new org it owns.
   */
  public SignedIn register(
      @Nullable String email,
      @Nullable String password,
      @Nullable String displayName,
      @Nullable String orgName,
      @Nullable String invitation,
      Client client) {
    throttle("register-ip:" + client.ip(), ATTEMPTS_PER_ADDRESS);
    String address = Users.normalizeEmail(email);
    String name = Users.displayName(displayName, address);
    String chosen = policy.check(password, address);
    if (invitation == null && !openRegistration) {
      throw new AtelierException(
          IdentityError.REGISTRATION_CLOSED,
          "this server registers by invitation only; ask an admin for an invitation link");
    }
    Users.User user = users.create(address, name, hash(chosen), false);
    long orgId;
    Map<String, Object> values = new java.util.HashMap<>();
    values.put("email", address);
    values.put("name", name);
    if (invitation != null) {
      Invitations.Invitation accepted = invitations.accept(invitation, user.id());
      orgs.addMember(accepted.orgId(), user.id(), accepted.role());
      orgId = accepted.orgId();
      if (accepted.email().equalsIgnoreCase(address)) {
        // The link reached this address, which verifies it.
        users.markEmailVerified(user.id());
      }
      values.put("invitation", accepted.id());
      values.put("role", accepted.role().wire());
    } else {
      Orgs.Org org =
          orgs.create(
              Orgs.name(orgName == null || orgName.isBlank() ? name + "'s org" : orgName),
              user.id());
      orgId = org.id();
      values.put("org", org.name());
      values.put("role", "owner");
    }
    // One row for the whole registration: the user, and the org it made or joined.
    publish(AuditEvent.created(orgId, "user", Long.toString(user.id()), values).by(user.id()));
    return start(user.id(), orgId, client);
  }

  /** Checks a password and signs in to {@code orgId} (or the user's first org). */
  public SignedIn login(
      @Nullable String email, @Nullable String password, @Nullable Long orgId, Client client) {
    throttle("login-ip:" + client.ip(), ATTEMPTS_PER_ADDRESS);
    String address = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
    throttle("login-account:" + address, ATTEMPTS_PER_ACCOUNT);
    Optional<Users.Credentials> found = users.credentials(address);
    String hash = found.map(Users.Credentials::passwordHash).orElse(null);
    boolean matches =
        encoder.matches(password == null ? "" : password, hash == null ? decoyHash : hash);
    if (found.isEmpty() || hash == null || !matches) {
      long org = found.map(c -> firstOrg(c.user().id())).orElse(AuditEvent.NO_ORG);
      AuditEvent failed =
          new AuditEvent(
              org,
              "session",
              null,
              "login-failed",
              Map.of(),
              Map.of("email", address, "reason", found.isEmpty() ? "unknown-email" : "password"));
      publish(found.map(c -> failed.by(c.user().id())).orElse(failed));
      throw new AtelierException(IdentityError.LOGIN_FAILED, "wrong email or password");
    }
    long userId = found.get().user().id();
    if (encoder.upgradeEncoding(hash)) {
      users.setPassword(userId, hash(String.valueOf(password)));
    }
    long org = orgId == null ? firstOrg(userId) : requireMember(orgId, userId);
    SignedIn signedIn = start(userId, org, client);
    publish(
        new AuditEvent(
                org, "session", signedIn.sessionId(), "login", Map.of(), Map.of("via", "password"))
            .by(userId));
    return signedIn;
  }

  /** Signs a user in without a password (a verified OAuth identity). */
  public SignedIn signInVerified(long userId, String via, Client client) {
    long org = firstOrg(userId);
    SignedIn signedIn = start(userId, org, client);
    publish(
        new AuditEvent(org, "session", signedIn.sessionId(), "login", Map.of(), Map.of("via", via))
            .by(userId));
    return signedIn;
  }

  /** Spends a refresh token for a new pair; reuse revokes the whole session. */
  public SignedIn refresh(@Nullable String refreshToken) {
    if (refreshToken == null || refreshToken.isBlank()) {
      throw new AtelierException(
          IdentityError.UNAUTHORIZED, "send the refresh token (body or cookie)");
    }
    AuthSessions.Renewed renewed;
    try {
      renewed = sessions.rotate(refreshToken);
    } catch (AuthSessions.ReuseDetected reuse) {
      AuthSessions.Session session = reuse.session();
      publish(
          new AuditEvent(
                  session.orgId(),
                  "session",
                  session.id(),
                  "refresh-reuse",
                  Map.of(),
                  Map.of("revoked", true))
              .by(session.userId()));
      throw reuse;
    }
    AuthSessions.Session session = renewed.session();
    long org = session.orgId();
    if (orgs.role(org, session.userId()).isEmpty()) {
      org = firstOrg(session.userId());
      sessions.switchOrg(session.id(), org);
    }
    return new SignedIn(
        session.userId(),
        org,
        session.id(),
        tokens.issue(session.userId(), org, session.id()),
        renewed.refreshToken(),
        sessions.lifetime());
  }

  /** An access token of the same session for another org of the same user. */
  public AccessTokens.Issued switchOrg(long userId, String sessionId, long orgId) {
    long org = requireMember(orgId, userId);
    sessions.switchOrg(sessionId, org);
    publish(
        new AuditEvent(org, "session", sessionId, "org-switched", Map.of(), Map.of("org", org))
            .by(userId));
    return tokens.issue(userId, org, sessionId);
  }

  public void logout(long orgId, long userId, String sessionId) {
    if (sessions.revoke(sessionId, "logout")) {
      publish(new AuditEvent(orgId, "session", sessionId, "logout", Map.of(), Map.of()).by(userId));
    }
  }

  /** Signs out a local install's browser (its cookie is cleared by the caller). */
  public void logoutLocal(dev.atelier.platform.Caller caller) {
    publish(new AuditEvent(caller.orgId(), "session", null, "logout", Map.of(), Map.of()));
  }

  /** Changes a password after checking the current one; other sessions end. */
  public void changePassword(
      long orgId,
      long userId,
      @Nullable String sessionId,
      @Nullable String current,
      @Nullable String next) {
    String hash = users.passwordHash(userId).orElse(null);
    if (hash != null && !encoder.matches(current == null ? "" : current, hash)) {
      throw new AtelierException(IdentityError.LOGIN_FAILED, "the current password is wrong");
    }
    Users.User user = users.find(userId).orElseThrow();
    users.setPassword(userId, hash(policy.check(next, user.email())));
    int ended = sessions.revokeAll(userId, "password-changed", sessionId);
    publish(
        new AuditEvent(
            orgId,
            "user",
            Long.toString(userId),
            "password-changed",
            Map.of(),
            Map.of("sessionsEnded", ended)));
  }

  /** Sends a reset link when the email has an account; answers the same either way. */
  public void forgotPassword(@Nullable String email, String linkBase, Client client) {
    throttle("reset-ip:" + client.ip(), ATTEMPTS_PER_ADDRESS);
    String address = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
    throttle("reset-account:" + address, 3);
    users
        .findByEmail(address)
        .ifPresent(user -> {
          String code = resets.issue(user.id());
          delivery.deliver(address, "password reset", linkBase + "/reset-password?code=" + code);
          publish(
              new AuditEvent(
                      firstOrg(user.id()),
                      "user",
                      Long.toString(user.id()),
                      "password-reset-requested",
                      Map.of(),
                      Map.of())
                  .by(user.id()));
        });
  }

  /** Sets a new password through a reset link; every session of the account ends. */
  public void resetPassword(@Nullable String code, @Nullable String password) {
    if (code == null || code.isBlank()) {
      throw new AtelierException(IdentityError.CODE_INVALID, "the reset link has no code");
    }
    long userId = resets.spend(code);
    Users.User user = users.find(userId).orElseThrow();
    users.setPassword(userId, hash(policy.check(password, user.email())));
    int ended = sessions.revokeAll(userId, "password-reset", null);
    publish(
        new AuditEvent(
                firstOrg(userId),
                "user",
                Long.toString(userId),
                "password-reset",
                Map.of(),
                Map.of("sessionsEnded", ended))
            .by(userId));
  }

  /** Joins the org of an invitation as the signed-in user. */
  public long acceptInvitation(@Nullable String code, long userId) {
    if (code == null || code.isBlank()) {
      throw new AtelierException(IdentityError.CODE_INVALID, "the invitation link has no code");
    }
    Invitations.Invitation invitation = invitations.accept(code, userId);
    if (orgs.role(invitation.orgId(), userId).isPresent()) {
      throw new AtelierException(IdentityError.ALREADY_MEMBER, "you are a member of this org");
    }
    orgs.addMember(invitation.orgId(), userId, invitation.role());
    publish(memberJoined(invitation));
    return invitation.orgId();
  }

  private static AuditEvent memberJoined(Invitations.Invitation invitation) {
    return new AuditEvent(
        invitation.orgId(),
        "invitation",
        Long.toString(invitation.id()),
        "accepted",
        Map.of(),
        Map.of("email", invitation.email(), "role", invitation.role().wire()));
  }

  private SignedIn start(long userId, long orgId, Client client) {
    AuthSessions.Renewed session = sessions.start(userId, orgId, client.userAgent(), client.ip());
    return new SignedIn(
        userId,
        orgId,
        session.session().id(),
        tokens.issue(userId, orgId, session.session().id()),
        session.refreshToken(),
        sessions.lifetime());
  }

  // The org a sign-in lands in: the user's first; one of their own when they belong to none.
  private long firstOrg(long userId) {
    List<Orgs.MyOrg> mine = orgs.ofUser(userId);
    if (!mine.isEmpty()) {
      return mine.get(0).id();
    }
    Users.User user = users.find(userId).orElseThrow();
    return orgs.create(Orgs.name(user.displayName() + "'s org"), userId).id();
  }

  private long requireMember(long orgId, long userId) {
    if (orgs.role(orgId, userId).isEmpty()) {
      throw new AtelierException(IdentityError.ORG_NOT_FOUND, "you are not in org " + orgId);
    }
    return orgId;
  }

  private String hash(String password) {
    return java.util.Objects.requireNonNull(encoder.encode(password), "the encoder gave no hash");
  }

  private void throttle(String key, long attempts) {
    RateLimits.Verdict verdict = limits.take("auth:" + key, attempts, THROTTLE_WINDOW);
    if (!verdict.allowed()) {
      throw new RetryLaterException(
          IdentityError.RATE_LIMITED,
          "too many attempts; try again in " + verdict.resetSeconds() + " s",
          verdict.resetSeconds());
    }
  }

  private void publish(AuditEvent event) {
    events.publishEvent(event);
  }
}
