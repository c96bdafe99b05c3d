package dev.atelier.repos.internal.web;

import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Caller;
import dev.atelier.repos.ReposError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The clone jobs that adding a git URL starts. */
@RestController
@RequestMapping("/api/clones")
@Tag(name = "repositories", description = "Registered repositories and their index status")
class CloneController {

  // Local mode has one org; service mode scopes by the caller's org once identity lands.
  // The org of every query here is the caller's (the request's tenancy context).
  private static long org() {
    return Caller.current().orgId();
  }

  private final CloneJobs clones;

  CloneController(CloneJobs clones) {
    this.clones = clones;
  }

  @GetMapping("/{id}")
  @Operation(summary = "A clone job: running, completed (with its repository) or failed (why)")
  CloneJobs.CloneJob get(@PathVariable String id) {
    return clones
        .find(org(), id)
        .orElseThrow(() ->
            new AtelierException(
                ReposError.REPOSITORY_NOT_FOUND, "no clone job with that id (or it is gone)"));
  }
}
