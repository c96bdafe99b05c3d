package dev.atelier.codeintel.internal.web;

import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.codeintel.GraphAnalysis;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Caller;
import dev.atelier.platform.PlatformError;
import dev.atelier.repos.Branch;
import dev.atelier.repos.Repository;
import dev.atelier.repos.RepositoryId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The web app's dependency graph: central files, their dependencies and communities. */
@RestController
@Tag(name = "graph", description = "The file dependency graph of a branch, for drawing")
class GraphController {

  // Local mode has one org; service mode scopes by the caller's org once identity lands.
  // The org of every query here is the caller's (the request's tenancy context).
  private static long org() {
    return Caller.current().orgId();
  }

  private static final int MAX_FILES = 1000;

  private final CodeIntelligence core;

  GraphController(CodeIntelligence core) {
    this.core = core;
  }

  @GetMapping("/api/repos/{id}/graph")
  @Operation(
      summary = "The most central files, the dependencies among them and their communities",
      description =
          "Nodes are the top `limit` files by PageRank on the file graph (imports and resolved"
              + " references), each with its Louvain community as community_detection numbers"
              + " it (0: no dependencies); edges index into nodes.")
  @ApiResponse(responseCode = "400", description = "limit outside 1..1000 (bad-request)")
  @ApiResponse(responseCode = "404", description = "No such repository or branch")
  @ApiResponse(responseCode = "409", description = "The branch is not indexed yet")
  GraphAnalysis.FileGraph graph(
      @PathVariable long id,
      @Parameter(description = "how many files, most central first (1 to 1000)")
          @RequestParam(defaultValue = "150")
          int limit,
      @RequestParam(required = false) @Nullable String branch) {
    if (limit < 1 || limit > MAX_FILES) {
      throw new AtelierException(
          PlatformError.BAD_REQUEST, "limit must be 1 to " + MAX_FILES + ", was " + limit);
    }
    Repository repository = core.repos().repositories().require(org(), new RepositoryId(id));
    String name = branch == null || branch.isBlank() ? repository.defaultBranch() : branch;
    Branch indexed = core.browser().indexedBranch(repository, name);
    return core.analysis().fileGraph(indexed, limit);
  }
}
