package dev.atelier.repos.internal.web;

import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Caller;
import dev.atelier.platform.PlatformError;
import dev.atelier.repos.BranchChanges;
import dev.atelier.repos.ChangeDebouncer;
import dev.atelier.repos.RepoPath;
import dev.atelier.repos.ReposError;
import dev.atelier.repos.ReposStorage;
import dev.atelier.repos.Repository;
import dev.atelier.repos.RepositoryId;
import dev.atelier.repos.RepositoryKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Change notifications: "these paths of this branch may have changed". They feed the {@link
 * ChangeDebouncer}, which hands them to the indexer once the branch is quiet.
 *
 * <ul>
 *   <li>{@code POST /api/repos/{id}/notify/file-changed} for clients that know the repository id;
 *   <li>{@code POST /api/notify/file-changed} with {@code location} for git hooks, which only know
 *       their working tree's folder.
 * </ul>
 */
@RestController
class ChangeNotificationController {

  /** Most paths one notification may name; more is a full rescan ({@code "full": true}). */
  static final int MAX_PATHS = 10_000;

  /** Until identity lands every request acts in the local org. */
  // The org of every query here is the caller's (the request's tenancy context).
  private static long org() {
    return Caller.current().orgId();
  }

  private final ReposStorage storage;
  private final ChangeDebouncer debouncer;

  ChangeNotificationController(ReposStorage storage, ChangeDebouncer debouncer) {
    this.storage = storage;
    this.debouncer = debouncer;
  }

  /**
   * A change notification.
   *
   * @param branch the branch; default: the repository's default branch
   * @param paths repository-relative paths ('/'-separated) that may have changed
   * @param full everything may have changed (e.g. after a checkout); paths may then be omitted
   * @param location the repository's folder, for {@code /api/notify/file-changed}
   */
  @Schema(name = "FileChangedRequest")
  record FileChangedRequest(
      @Nullable String branch,
      @Nullable List<@Nullable String> paths,
      @Nullable Boolean full,
      @Nullable String location) {}

  /**
   * @param accepted distinct paths accepted (0 for a full rescan)
   * @param full whether a full rescan was requested
   * @param repository the repository id
   * @param branch the branch the changes were queued for
   * @param flushAfterMs how long the branch must stay quiet before it is re-indexed
   */
  @Schema(name = "FileChangedResponse")
  record FileChangedResponse(
      int accepted, boolean full, long repository, String branch, long flushAfterMs) {}

  @Operation(
      summary = "Notify that files of a repository branch changed",
      description =
          "Queues the paths for re-indexing; changes of one branch are coalesced and indexed"
              + " after a quiet period. Paths are validated: '..', absolute paths and control"
              + " characters are refused.")
  @ApiResponse(responseCode = "202", description = "Queued")
  @ApiResponse(responseCode = "400", description = "A bad path or branch (problem document)")
  @ApiResponse(responseCode = "404", description = "No such repository")
  @ApiResponse(responseCode = "413", description = "More than 10000 paths; send full=true")
  @PostMapping(
      path = "/api/repos/{id}/notify/file-changed",
      consumes = "application/json",
      produces = "application/json")
  ResponseEntity<FileChangedResponse> fileChanged(
      @PathVariable("id") String id, @RequestBody FileChangedRequest request) {
    return accept(repository(id), request, false);
  }

  @Operation(
      summary = "Notify that files changed, naming the repository by its folder",
      description =
          "For git hooks: 'location' is the working tree's absolute folder. For a working-tree"
              + " repository the branch is always its default branch (the folder has one state).")
  @ApiResponse(responseCode = "202", description = "Queued")
  @ApiResponse(responseCode = "404", description = "No repository registered at that folder")
  @PostMapping(
      path = "/api/notify/file-changed",
      consumes = "application/json",
      produces = "application/json")
  ResponseEntity<FileChangedResponse> fileChangedAt(@RequestBody FileChangedRequest request) {
    String location = request.location();
    if (location == null || location.isBlank()) {
      throw new AtelierException(
          PlatformError.BAD_REQUEST, "give the repository's folder as 'location'");
    }
    return accept(byLocation(location), request, true);
  }

  private ResponseEntity<FileChangedResponse> accept(
      Repository repository, FileChangedRequest request, boolean fromHook) {
    String branch = branch(repository, request.branch(), fromHook);
    boolean full = Boolean.TRUE.equals(request.full());
    List<@Nullable String> raw = request.paths() == null ? List.of() : request.paths();
    if (raw.size() > MAX_PATHS) {
      throw new AtelierException(
          ReposError.TOO_MANY_PATHS,
          raw.size()
              + " paths in one notification; the limit is "
              + MAX_PATHS
              + " (send \"full\": true to re-index everything)");
    }
    Set<RepoPath> paths = new LinkedHashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      String path = raw.get(i);
      if (path == null) {
        throw new AtelierException(ReposError.INVALID_PATH, "paths[" + i + "] is null");
      }
      try {
        paths.add(RepoPath.of(path));
      } catch (AtelierException e) {
        throw new AtelierException(e.errorCode(), "paths[" + i + "]: " + e.getMessage());
      }
    }
    if (!full && paths.isEmpty()) {
      throw new AtelierException(
          ReposError.NO_CHANGES,
          "the notification names no paths; list them in \"paths\" or send \"full\": true");
    }
    debouncer.submit(new BranchChanges(repository.id(), branch, paths, full));
    return ResponseEntity.accepted()
        .body(
            new FileChangedResponse(
                full ? 0 : paths.size(),
                full,
                repository.id().value(),
                branch,
                debouncer.quietPeriod().toMillis()));
  }

  private Repository repository(String id) {
    long value;
    try {
      value = Long.parseLong(id);
    } catch (NumberFormatException e) {
      value = -1;
    }
    if (value <= 0) {
      throw new AtelierException(
          ReposError.REPOSITORY_NOT_FOUND,
          "no repository with id '" + id.replaceAll("[^A-Za-z0-9._-]", "?") + "'");
    }
    return storage.repositories().require(org(), new RepositoryId(value));
  }

  private Repository byLocation(String location) {
    Path path;
    try {
      path = Path.of(location).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new AtelierException(PlatformError.BAD_REQUEST, "'location' is not a folder path");
    }
    Map<String, Boolean> candidates = new LinkedHashMap<>();
    candidates.put(path.toString(), true);
    if (Files.exists(path)) {
      try {
        candidates.put(path.toRealPath().toString(), true);
      } catch (IOException e) {
        // keep the plain path
      }
    }
    for (String candidate : List.copyOf(candidates.keySet())) {
      candidates.put(candidate + "/.git", true);
    }
    for (String candidate : candidates.keySet()) {
      Optional<Repository> found = storage.repositories().findByLocation(org(), candidate);
      if (found.isPresent()) {
        return found.get();
      }
    }
    throw new AtelierException(
        ReposError.REPOSITORY_NOT_FOUND,
        "no repository is registered at " + path.toString().replaceAll("\\p{Cntrl}", "?"));
  }

  private static String branch(Repository repository, @Nullable String branch, boolean fromHook) {
    if (branch == null || branch.isBlank()) {
      return repository.defaultBranch();
    }
    if (fromHook && repository.kind() == RepositoryKind.WORKING_TREE) {
      return repository.defaultBranch();
    }
    if (branch.length() > 255
        || !org.eclipse.jgit.lib.Repository.isValidRefName("refs/heads/" + branch)) {
      throw new AtelierException(
          ReposError.INVALID_BRANCH,
          "'"
              + branch.substring(0, Math.min(branch.length(), 100)).replaceAll("\\p{Cntrl}", "?")
              + "' is not a valid branch name");
    }
    return branch;
  }
}
