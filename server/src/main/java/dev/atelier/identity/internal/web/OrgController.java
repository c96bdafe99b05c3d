package dev.atelier.identity.internal.web;

import dev.atelier.audit.AuditEvent;
import dev.atelier.identity.IdentityError;
import dev.atelier.identity.internal.account.Accounts;
import dev.atelier.identity.internal.account.Invitations;
import dev.atelier.identity.internal.account.LinkDelivery;
import dev.atelier.identity.internal.account.Orgs;
import dev.atelier.identity.internal.account.Projects;
import dev.atelier.identity.internal.account.Users;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Caller;
import dev.atelier.platform.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * Orgs and their members: list and make orgs, change roles, remove members or leave, invite by a
 * one-time link, transfer ownership. A path names the org of the request's token; any other org
 * answers 404, whether or not it exists.
 */
@RestController
@Tag(name = "orgs", description = "Orgs, members, roles and invitations")
class OrgController {

  private final Orgs orgs;
  private final Users users;
  private final Invitations invitations;
  private final Projects projects;
  private final Accounts accounts;
  private final LinkDelivery delivery;
  private final ApplicationEventPublisher events;

  OrgController(
      Orgs orgs,
      Users users,
      Invitations invitations,
      Projects projects,
      Accounts accounts,
      LinkDelivery delivery,
      ApplicationEventPublisher events) {
    this.orgs = orgs;
    this.users = users;
    this.invitations = invitations;
    this.projects = projects;
    this.accounts = accounts;
    this.delivery = delivery;
    this.events = events;
  }

  record NewOrg(@Nullable String name) {}

  record RoleChange(@Nullable String role) {}

  record NewInvitation(@Nullable String email, @Nullable String role) {}

  record Transfer(@Nullable Long userId) {}

  record Acceptance(@Nullable String code) {}

  record Joined(long orgId) {}

  /** An invitation as admins list it; {@code link} only in the answer that made it. */
  record InvitationView(
      long id,
      String email,
      String role,
      Instant createdAt,
      Instant expiresAt,
      @Nullable String link) {}

  @GetMapping("/api/orgs")
  @Operation(summary = "The orgs the caller belongs to, with the caller's role in each")
  List<Orgs.MyOrg> list(Caller caller) {
    return orgs.ofUser(caller.userId());
  }

  @PostMapping("/api/orgs")
  @Operation(
      summary = "Make an org owned by the caller",
      description = "Switch to it with POST /api/auth/token.")
  ResponseEntity<Orgs.Org> create(@RequestBody NewOrg body, Caller caller) {
    Orgs.Org org = orgs.create(Orgs.name(body.name()), caller.userId());
    events.publishEvent(
        AuditEvent.created(org.id(), "org", Long.toString(org.id()), Map.of("name", org.name())));
    return ResponseEntity.created(URI.create("/api/orgs/" + org.id())).body(org);
  }

  @GetMapping("/api/orgs/{id}/members")
  @Operation(summary = "The org's members and their roles")
  List<Orgs.Member> members(@PathVariable long id, Caller caller) {
    return orgs.members(own(id, caller));
  }

  @PatchMapping("/api/orgs/{id}/members/{userId}")
  @Operation(
      summary = "Change a member's role (admin; making or unmaking an owner needs an owner)",
      description = "The last owner cannot be demoted.")
  Orgs.Member changeRole(
      @PathVariable long id,
      @PathVariable long userId,
      @RequestBody RoleChange body,
      Caller caller) {
    long org = own(id, caller);
    require(caller, Role.ADMIN);
    Role role =
        Role.parse(String.valueOf(body.role()))
            .orElseThrow(() ->
                new AtelierException(
                    IdentityError.INVALID_ACCOUNT, "role is one of owner, admin, member, viewer"));
    Orgs.Member before = member(org, userId);
    if ((role == Role.OWNER || before.role() == Role.OWNER) && caller.role() != Role.OWNER) {
      throw new AtelierException(IdentityError.FORBIDDEN, "only an owner makes or unmakes owners");
    }
    orgs.changeRole(org, userId, role);
    events.publishEvent(
        new AuditEvent(
            org,
            "membership",
            Long.toString(userId),
            "role-changed",
            Map.of("role", before.role().wire()),
            Map.of("role", role.wire())));
    return member(org, userId);
  }

  @DeleteMapping("/api/orgs/{id}/members/{userId}")
  @Operation(
      summary = "Remove a member (admin), or leave the org (the caller's own id)",
      description = "The removed member's tokens stop working within a second on every node.")
  ResponseEntity<Void> remove(@PathVariable long id, @PathVariable long userId, Caller caller) {
    long org = own(id, caller);
    if (userId != caller.userId()) {
      require(caller, Role.ADMIN);
    }
    Orgs.Member before = member(org, userId);
    if (before.role() == Role.OWNER && caller.role() != Role.OWNER) {
      throw new AtelierException(IdentityError.FORBIDDEN, "only an owner removes an owner");
    }
    orgs.removeMember(org, userId);
    projects.removeFromOrg(org, userId);
    events.publishEvent(
        new AuditEvent(
            org,
            "membership",
            Long.toString(userId),
            userId == caller.userId() ? "left" : "removed",
            Map.of("role", before.role().wire()),
            Map.of()));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/orgs/{id}/transfer")
  @Operation(summary = "Transfer ownership to another member (owner); the caller becomes admin")
  List<Orgs.Member> transfer(@PathVariable long id, @RequestBody Transfer body, Caller caller) {
    long org = own(id, caller);
    require(caller, Role.OWNER);
    if (body.userId() == null || body.userId() == caller.userId()) {
      throw new AtelierException(
          IdentityError.INVALID_ACCOUNT, "give the userId of another member");
    }
    Orgs.Member next = member(org, body.userId());
    orgs.changeRole(org, next.userId(), Role.OWNER);
    orgs.changeRole(org, caller.userId(), Role.ADMIN);
    events.publishEvent(
        new AuditEvent(
            org,
            "org",
            Long.toString(org),
            "ownership-transferred",
            Map.of("owner", caller.userId()),
            Map.of("owner", next.userId())));
    return orgs.members(org);
  }

  @GetMapping("/api/orgs/{id}/invitations")
  @Operation(summary = "The org's pending invitations (admin)")
  List<InvitationView> invitations(@PathVariable long id, Caller caller) {
    long org = own(id, caller);
    require(caller, Role.ADMIN);
    return invitations.pending(org).stream().map(i -> view(i, null)).toList();
  }

  @PostMapping("/api/orgs/{id}/invitations")
  @Operation(
      summary = "Invite someone by email with a role (admin)",
      description =
          "The answer holds the link once; it is also delivered (in local mode, to the server"
              + " log). The link is valid for 7 days and works once.")
  ResponseEntity<InvitationView> invite(
      @PathVariable long id,
      @RequestBody NewInvitation body,
      Caller caller,
      HttpServletRequest request) {
    long org = own(id, caller);
    require(caller, Role.ADMIN);
    String email = Users.normalizeEmail(body.email());
    Role role =
        Role.parse(String.valueOf(body.role() == null ? "member" : body.role()))
            .orElseThrow(() ->
                new AtelierException(
                    IdentityError.INVALID_ACCOUNT, "role is one of admin, member, viewer"));
    if (role == Role.ADMIN && caller.role() != Role.OWNER && caller.role() != Role.ADMIN) {
      throw new AtelierException(IdentityError.FORBIDDEN, "only admins invite admins");
    }
    Invitations.Issued issued = invitations.invite(org, email, role, caller.userId());
    String link = AuthController.base(request) + "/accept-invite?code=" + issued.code();
    String orgName = orgs.find(org).map(Orgs.Org::name).orElse("an org");
    delivery.deliver(email, "invitation to " + orgName, link);
    events.publishEvent(
        AuditEvent.created(
            org,
            "invitation",
            Long.toString(issued.invitation().id()),
            Map.of("email", email, "role", role.wire())));
    return ResponseEntity.created(
            URI.create("/api/orgs/" + org + "/invitations/" + issued.invitation().id()))
        .body(view(issued.invitation(), link));
  }

  @DeleteMapping("/api/orgs/{id}/invitations/{invitationId}")
  @Operation(summary = "Revoke a pending invitation (admin)")
  ResponseEntity<Void> revokeInvitation(
      @PathVariable long id, @PathVariable long invitationId, Caller caller) {
    long org = own(id, caller);
    require(caller, Role.ADMIN);
    Invitations.Invitation invitation =
        invitations
            .find(org, invitationId)
            .filter(i -> invitations.revoke(org, i.id()))
            .orElseThrow(() ->
                new AtelierException(
                    IdentityError.INVITATION_NOT_FOUND, "no pending invitation " + invitationId));
    events.publishEvent(
        new AuditEvent(
            org,
            "invitation",
            Long.toString(invitation.id()),
            "revoked",
            Map.of("email", invitation.email(), "role", invitation.role().wire()),
            Map.of()));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/invitations/accept")
  @Operation(
      summary = "Join the org of an invitation as the signed-in user",
      description = "Then switch to it with POST /api/auth/token.")
  Joined accept(@RequestBody Acceptance body, Caller caller) {
    return new Joined(accounts.acceptInvitation(body.code(), caller.userId()));
  }

  private static InvitationView view(Invitations.Invitation i, @Nullable String link) {
    return new InvitationView(
        i.id(), i.email(), i.role().wire(), i.createdAt(), i.expiresAt(), link);
  }

  private Orgs.Member member(long org, long userId) {
    return orgs.member(org, userId)
        .orElseThrow(
            () -> new AtelierException(IdentityError.MEMBER_NOT_FOUND, "no member " + userId));
  }

  // The org in a path must be the request's own: another org is not found, existing or not.
  private static long own(long id, Caller caller) {
    if (id != caller.orgId()) {
      throw new AtelierException(
          IdentityError.ORG_NOT_FOUND,
          "no org " + id + " for this token; switch org with POST /api/auth/token first");
    }
    return id;
  }

  static void require(Caller caller, Role role) {
    if (!caller.role().atLeast(role)) {
      throw new AtelierException(
          IdentityError.FORBIDDEN, "this needs the " + role.wire() + " role in the org");
    }
  }
}
