package dev.atelier.identity.internal.web;

import dev.atelier.audit.AuditEvent;
import dev.atelier.identity.IdentityError;
import dev.atelier.identity.internal.account.Accounts;
import dev.atelier.identity.internal.account.Orgs;
import dev.atelier.identity.internal.account.Users;
import dev.atelier.identity.internal.token.AccessGate;
import dev.atelier.identity.internal.token.AuthSessions;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user: who they are, their orgs, their sessions, their password and account. */
@RestController
@RequestMapping("/api/me")
@Tag(name = "me", description = "The signed-in user's account and sessions")
class MeController {

  private final Users users;
  private final Orgs orgs;
  private final AuthSessions sessions;
  private final AccessGate gate;
  private final Accounts accounts;
  private final ApplicationEventPublisher events;

  MeController(
      Users users,
      Orgs orgs,
      AuthSessions sessions,
      AccessGate gate,
      Accounts accounts,
      ApplicationEventPublisher events) {
    this.users = users;
    this.orgs = orgs;
    this.sessions = sessions;
    this.gate = gate;
    this.accounts = accounts;
    this.events = events;
  }

  /** The caller, the org the request is for, the role there, and every org they belong to. */
  record Me(
      long id,
      @Nullable String email,
      String displayName,
      boolean emailVerified,
      boolean hasPassword,
      long orgId,
      String role,
      String credential,
      List<Orgs.MyOrg> orgs) {}

  record Profile(@Nullable String displayName) {}

  record PasswordChange(@Nullable String currentPassword, @Nullable String newPassword) {}

  /** A sign-in session as its user sees it; {@code current} marks the one asking. */
  record SessionView(
      String id,
      @Nullable String userAgent,
      @Nullable String ip,
      Instant createdAt,
      Instant lastUsedAt,
      Instant expiresAt,
      boolean current) {}

  @GetMapping
  @Operation(summary = "Who is calling: the user, the current org and role, and all their orgs")
  Me me(Caller caller) {
    Users.User user =
        users
            .find(caller.userId())
            .orElseThrow(() -> new AtelierException(IdentityError.UNAUTHORIZED, "sign in first"));
    return new Me(
        user.id(),
        user.email(),
        user.displayName(),
        user.emailVerified(),
        user.hasPassword(),
        caller.orgId(),
        caller.role().wire(),
        caller.credential().name().toLowerCase(java.util.Locale.ROOT),
        orgs.ofUser(user.id()));
  }

  @PatchMapping
  @Operation(summary = "Change the display name")
  Me update(@RequestBody Profile body, Caller caller) {
    Users.User before = users.find(caller.userId()).orElseThrow();
    String name = Users.displayName(body.displayName());
    users.rename(caller.userId(), name);
    events.publishEvent(
        new AuditEvent(
            caller.orgId(),
            "user",
            Long.toString(caller.userId()),
            "updated",
            Map.of("displayName", before.displayName()),
            Map.of("displayName", name)));
    return me(caller);
  }

  @PostMapping("/password")
  @Operation(summary = "Change the password; every other session ends")
  ResponseEntity<Void> changePassword(@RequestBody PasswordChange body, Caller caller) {
    accounts.changePassword(
        caller.orgId(),
        caller.userId(),
        CallerArguments.current().sessionId(),
        body.currentPassword(),
        body.newPassword());
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/sessions")
  @Operation(summary = "The signed-in user's active sessions")
  List<SessionView> sessions(Caller caller) {
    String currentId = CallerArguments.current().sessionId();
    return sessions.active(caller.userId()).stream()
        .map(s ->
            new SessionView(
                s.id(),
                s.userAgent(),
                s.ip(),
                s.createdAt(),
                s.lastUsedAt(),
                s.expiresAt(),
                s.id().equals(currentId)))
        .toList();
  }

  @DeleteMapping("/sessions/{id}")
  @Operation(summary = "End one of the user's sessions")
  ResponseEntity<Void> endSession(@PathVariable String id, Caller caller) {
    AuthSessions.Session session =
        sessions
            .find(id)
            .filter(s -> s.userId() == caller.userId() && s.revokedAt() == null)
            .orElseThrow(() ->
                new AtelierException(IdentityError.SESSION_NOT_FOUND, "no active session " + id));
    sessions.revoke(session.id(), "revoked-by-user");
    gate.forget(session.id());
    events.publishEvent(
        new AuditEvent(caller.orgId(), "session", session.id(), "revoked", Map.of(), Map.of()));
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/sessions")
  @Operation(summary = "End every session of the user, this one included")
  ResponseEntity<Void> endAllSessions(Caller caller) {
    for (AuthSessions.Session session : sessions.active(caller.userId())) {
      gate.forget(session.id());
    }
    int ended = sessions.revokeAll(caller.userId(), "revoked-by-user", null);
    events.publishEvent(
        new AuditEvent(
            caller.orgId(),
            "session",
            null,
            "revoked-all",
            Map.of(),
            Map.of("sessionsEnded", ended)));
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping
  @Operation(
      summary = "Delete the account",
      description =
          "The user's content stays, attributed to a deleted user. Refused (409) while the user"
              + " is the only owner of an org with other members: transfer ownership first.")
  ResponseEntity<Void> delete(Caller caller) {
    if (caller.userId() == Caller.LOCAL_OWNER) {
      throw new AtelierException(
          IdentityError.FORBIDDEN, "the install's own owner cannot be deleted");
    }
    List<Orgs.Org> blocking = orgs.soleOwnerWithOthers(caller.userId());
    if (!blocking.isEmpty()) {
      throw new AtelierException(
          IdentityError.LAST_OWNER,
          "you are the only owner of "
              + blocking.get(0).name()
              + "; transfer ownership to another member first");
    }
    Users.User user = users.find(caller.userId()).orElseThrow();
    sessions.revokeAll(caller.userId(), "account-deleted", null);
    for (Orgs.MyOrg org : orgs.ofUser(caller.userId())) {
      events.publishEvent(
          new AuditEvent(
              org.id(),
              "user",
              Long.toString(caller.userId()),
              "deleted",
              Map.of("email", String.valueOf(user.email()), "displayName", user.displayName()),
              Map.of()));
    }
    orgs.leaveAll(caller.userId());
    users.delete(caller.userId());
    return ResponseEntity.noContent().build();
  }
}
