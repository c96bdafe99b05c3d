package dev.atelier.repos.internal.web;

import dev.atelier.audit.AuditEvent;
import dev.atelier.platform.Caller;
import dev.atelier.repos.Branch;
import dev.atelier.repos.ReposStorage;
import dev.atelier.repos.Repository;
import dev.atelier.repos.RepositoryId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The registered repositories and the index status of their branches. */
@RestController
@RequestMapping("/api/repos")
@Tag(name = "repositories", description = "Registered repositories and their index status")
class RepositoryController {

  // Local mode has one org; service mode scopes by the caller's org once identity lands.
  // The org of every query here is the caller's (the request's tenancy context).
  private static long org() {
    return Caller.current().orgId();
  }

  private final ReposStorage repos;
  private final RepositoryRegistration registration;
  private final ApplicationEventPublisher events;

  RepositoryController(
      ReposStorage repos, RepositoryRegistration registration, ApplicationEventPublisher events) {
    this.repos = repos;
    this.registration = registration;
    this.events = events;
  }

  /** A folder on the server's disk, or a git URL to clone; exactly one of them. */
  record AddRepository(@Nullable String path, @Nullable String gitUrl) {}

  @PostMapping
  @Operation(
      summary = "Add a repository: a local folder or a git URL (cloned under the data folder)",
      description =
          "A folder: 201 when new, 200 when it was already registered, indexed in the background"
              + " (progress on /api/events, topic repo:ID). A git URL: 202 with the clone job"
              + " (GET /api/clones/{id}; events on topic clone:ID), once the URL passed the checks.")
  ResponseEntity<Object> add(@RequestBody AddRepository request) {
    RepositoryRegistration.Added added = registration.add(org(), request.path(), request.gitUrl());
    CloneJobs.CloneJob clone = added.cloneJob();
    if (clone != null) {
      events.publishEvent(
          new AuditEvent(
              org(), "clone", clone.id(), "started", Map.of(), Map.of("url", clone.url())));
      return ResponseEntity.accepted()
          .location(URI.create("/api/clones/" + clone.id()))
          .body(clone);
    }
    RepositoryRegistration.Registered registered =
        java.util.Objects.requireNonNull(added.registered());
    RepositoryView view = view(registered.repository());
    if (registered.created()) {
      events.publishEvent(
          AuditEvent.created(
              org(),
              "repository",
              Long.toString(view.id()),
              Map.of("name", view.name(), "kind", view.kind(), "location", view.location())));
    }
    return registered.created()
        ? ResponseEntity.created(URI.create("/api/repos/" + view.id())).body(view)
        : ResponseEntity.ok(view);
  }

  /** A repository with its branches' status. */
  record RepositoryView(
      long id,
      String name,
      String kind,
      String location,
      String defaultBranch,
      List<BranchView> branches) {}

  /** A branch's index status: files done of total while indexing, the last error if it failed. */
  record BranchView(
      String name,
      String state,
      int filesDone,
      int filesTotal,
      @Nullable Instant indexedAt,
      @Nullable String headCommit,
      @Nullable String lastError) {}

  @GetMapping
  @Operation(summary = "Registered repositories with their branches' index status")
  List<RepositoryView> list() {
    return repos.repositories().list(org()).stream().map(this::view).toList();
  }

  @GetMapping("/{id}")
  @Operation(summary = "One repository with its branches' index status")
  RepositoryView get(@PathVariable long id) {
    return view(repos.repositories().require(org(), new RepositoryId(id)));
  }

  private RepositoryView view(Repository repository) {
    List<BranchView> branches =
        repos.branches().list(org(), repository.id()).stream()
            .map(RepositoryController::view)
            .toList();
    return new RepositoryView(
        repository.id().value(),
        repository.name(),
        repository.kind().name().toLowerCase(java.util.Locale.ROOT),
        repository.location(),
        repository.defaultBranch(),
        branches);
  }

  private static BranchView view(Branch branch) {
    return new BranchView(
        branch.name(),
        branch.state().name().toLowerCase(java.util.Locale.ROOT),
        branch.filesDone(),
        branch.filesTotal(),
        branch.indexedAt(),
        branch.headCommit(),
        branch.lastError());
  }
}
