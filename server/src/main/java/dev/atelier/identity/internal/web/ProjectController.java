package dev.atelier.identity.internal.web;

import dev.atelier.audit.AuditEvent;
import dev.atelier.identity.IdentityError;
import dev.atelier.identity.internal.account.Orgs;
import dev.atelier.identity.internal.account.Projects;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Caller;
import dev.atelier.platform.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.HashMap;
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

/**
 * Projects of the caller's org and their members. Members make projects; a project's lead or an org
 * admin changes or deletes it and manages its members.
 */
@RestController
@RequestMapping("/api/projects")
@Tag(name = "projects", description = "An org's team spaces")
class ProjectController {

  private final Projects projects;
  private final Orgs orgs;
  private final ApplicationEventPublisher events;

  ProjectController(Projects projects, Orgs orgs, ApplicationEventPublisher events) {
    this.projects = projects;
    this.orgs = orgs;
    this.events = events;
  }

  record NewProject(@Nullable String name, @Nullable String description) {}

  record ProjectChange(
      @Nullable String name, @Nullable String description, @Nullable Boolean archived) {}

  record NewProjectMember(@Nullable Long userId, @Nullable String role) {}

  @GetMapping
  @Operation(summary = "The org's projects")
  List<Projects.Project> list(Caller caller) {
    return projects.list(caller.orgId());
  }

  @PostMapping
  @Operation(summary = "Make a project; the caller becomes its lead")
  ResponseEntity<Projects.Project> create(@RequestBody NewProject body, Caller caller) {
    Projects.Project project =
        projects.create(
            caller.orgId(),
            Projects.name(body.name()),
            Projects.description(body.description()),
            caller.userId());
    events.publishEvent(
        AuditEvent.created(
            caller.orgId(), "project", Long.toString(project.id()), values(project)));
    return ResponseEntity.created(URI.create("/api/projects/" + project.id())).body(project);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One project")
  Projects.Project get(@PathVariable long id, Caller caller) {
    return find(id, caller);
  }

  @PatchMapping("/{id}")
  @Operation(summary = "Rename, describe or archive a project (its lead or an admin)")
  Projects.Project update(@PathVariable long id, @RequestBody ProjectChange body, Caller caller) {
    Projects.Project before = find(id, caller);
    requireLead(before, caller);
    Projects.Project after =
        projects.update(
            caller.orgId(),
            id,
            body.name() == null ? before.name() : Projects.name(body.name()),
            body.description() == null
                ? before.description()
                : Projects.description(body.description()),
            body.archived() == null ? before.archivedAt() != null : body.archived());
    events.publishEvent(
        new AuditEvent(
            caller.orgId(),
            "project",
            Long.toString(id),
            "updated",
            values(before),
            values(after)));
    return after;
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Delete a project (its lead or an admin)")
  ResponseEntity<Void> delete(@PathVariable long id, Caller caller) {
    Projects.Project before = find(id, caller);
    requireLead(before, caller);
    projects.delete(caller.orgId(), id);
    events.publishEvent(
        new AuditEvent(
            caller.orgId(), "project", Long.toString(id), "deleted", values(before), Map.of()));
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{id}/members")
  @Operation(summary = "A project's members")
  List<Projects.ProjectMember> members(@PathVariable long id, Caller caller) {
    return projects.members(caller.orgId(), find(id, caller).id());
  }

  @PostMapping("/{id}/members")
  @Operation(summary = "Add a member of the org to a project (its lead or an admin)")
  List<Projects.ProjectMember> addMember(
      @PathVariable long id, @RequestBody NewProjectMember body, Caller caller) {
    Projects.Project project = find(id, caller);
    requireLead(project, caller);
    String role = body.role() == null ? "member" : body.role();
    if (!role.equals("lead") && !role.equals("member")) {
      throw new AtelierException(IdentityError.INVALID_ACCOUNT, "role is lead or member");
    }
    Long userId = body.userId();
    if (userId == null || orgs.role(caller.orgId(), userId).isEmpty()) {
      throw new AtelierException(IdentityError.MEMBER_NOT_FOUND, "no member " + userId);
    }
    if (projects.isMember(caller.orgId(), id, userId)) {
      throw new AtelierException(IdentityError.ALREADY_MEMBER, "already in the project");
    }
    projects.addMember(caller.orgId(), id, userId, role);
    events.publishEvent(
        AuditEvent.created(
            caller.orgId(),
            "project-member",
            id + ":" + userId,
            Map.of("project", id, "user", userId, "role", role)));
    return projects.members(caller.orgId(), id);
  }

  @DeleteMapping("/{id}/members/{userId}")
  @Operation(summary = "Remove a member from a project (its lead, an admin, or the member)")
  ResponseEntity<Void> removeMember(
      @PathVariable long id, @PathVariable long userId, Caller caller) {
    Projects.Project project = find(id, caller);
    if (userId != caller.userId()) {
      requireLead(project, caller);
    }
    if (!projects.removeMember(caller.orgId(), id, userId)) {
      throw new AtelierException(IdentityError.MEMBER_NOT_FOUND, "no project member " + userId);
    }
    events.publishEvent(
        new AuditEvent(
            caller.orgId(),
            "project-member",
            id + ":" + userId,
            "deleted",
            Map.of("project", id, "user", userId),
            Map.of()));
    return ResponseEntity.noContent().build();
  }

  private Projects.Project find(long id, Caller caller) {
    return projects
        .find(caller.orgId(), id)
        .orElseThrow(
            () -> new AtelierException(IdentityError.PROJECT_NOT_FOUND, "no project " + id));
  }

  private void requireLead(Projects.Project project, Caller caller) {
    boolean lead =
        projects.members(caller.orgId(), project.id()).stream()
            .anyMatch(m -> m.userId() == caller.userId() && m.role().equals("lead"));
    if (!lead && !caller.role().atLeast(Role.ADMIN)) {
      throw new AtelierException(
          IdentityError.FORBIDDEN, "only the project's lead or an org admin may do this");
    }
  }

  private static Map<String, Object> values(Projects.Project project) {
    Map<String, Object> values = new HashMap<>();
    values.put("name", project.name());
    values.put("description", project.description());
    values.put("archived", project.archivedAt() != null);
    return values;
  }
}
