package dev.atelier.codeintel.internal.web;

import dev.atelier.codeintel.CodeBrowser;
import dev.atelier.codeintel.CodeGraph;
import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.codeintel.SymbolHit;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The web app's code view: folders, file texts, outlines and references of a branch. */
@RestController
@RequestMapping("/api/repos/{id}")
@Tag(name = "browse", description = "Folders, files, outlines and references of a branch")
class BrowseController {

  // Local mode has one org; service mode scopes by the caller's org once identity lands.
  // The org of every query here is the caller's (the request's tenancy context).
  private static long org() {
    return Caller.current().orgId();
  }

  static final int MAX_REFERENCES = 2000;
  static final int MAX_DEFINITIONS = 100;
  private static final int MAX_SNIPPET = 240;
  private static final int MAX_CONTEXT = 3;

  private final CodeIntelligence core;

  BrowseController(CodeIntelligence core) {
    this.core = core;
  }

  /**
   * A reference to a definition, with the text of its line and up to {@code context} lines on each
   * side ({@code before} nearest last), so a reader sees the call without opening the file.
   */
  record ReferenceView(
      String path,
      int line,
      int column,
      String kind,
      String text,
      List<String> before,
      List<String> after) {}

  /** A definition and the references that resolve to it. */
  record DefinitionView(
      String name,
      String kind,
      String qualifiedName,
      String path,
      int line,
      int referenceCount,
      List<ReferenceView> references) {}

  /** Where a symbol is defined. */
  record DefinitionSite(String name, String kind, String qualifiedName, String path, int line) {}

  /** Definitions named {@code symbol} and their references; truncated past the limit. */
  record ReferencesView(String symbol, List<DefinitionView> definitions, boolean truncated) {}

  @GetMapping("/tree")
  @Operation(
      summary = "The children of a folder, one level: folders first, then files with sizes",
      description =
          "Reads only the folder's own children (sub-folders are skipped over in the index), so"
              + " it stays fast at the root of huge repositories; folders carry no size.")
  @ApiResponse(responseCode = "404", description = "No such folder, repository or branch")
  @ApiResponse(responseCode = "409", description = "The branch is not indexed yet")
  CodeBrowser.Folder tree(
      @PathVariable long id,
      @Parameter(description = "Folder path, empty for the root") @RequestParam(defaultValue = "")
          String path,
      @RequestParam(required = false) @Nullable String branch) {
    Repository repository = repository(id);
    return core.browser().folder(repository, branchOr(repository, branch), path);
  }

  /** Every file path of a branch. */
  record PathList(String branch, List<String> paths) {}

  @GetMapping("/paths")
  @Operation(summary = "Every file path of the branch in path order, for the file finder")
  @ApiResponse(responseCode = "409", description = "The branch is not indexed yet")
  PathList paths(@PathVariable long id, @RequestParam(required = false) @Nullable String branch) {
    Repository repository = repository(id);
    String name = branchOr(repository, branch);
    return new PathList(name, core.browser().paths(repository, name));
  }

  @GetMapping("/files")
  @Operation(summary = "The text of one file with its language and line count")
  @ApiResponse(responseCode = "404", description = "No such file")
  @ApiResponse(responseCode = "413", description = "The file is too large to show")
  @ApiResponse(responseCode = "415", description = "The file is binary")
  CodeBrowser.FileText file(
      @PathVariable long id,
      @RequestParam String path,
      @RequestParam(required = false) @Nullable String branch) {
    Repository repository = repository(id);
    return core.browser().file(repository, branchOr(repository, branch), path);
  }

  @GetMapping("/outline")
  @Operation(summary = "The symbols of one file in source order")
  List<SymbolHit> outline(
      @PathVariable long id,
      @RequestParam String path,
      @RequestParam(required = false) @Nullable String branch) {
    Repository repository = repository(id);
    String name = branchOr(repository, branch);
    // Resolving the file first turns an unknown path into a 404 rather than an empty outline.
    core.browser().file(repository, name, path);
    return core.search().outline(repository, name, path);
  }

  @GetMapping("/definitions")
  @Operation(
      summary = "Where a symbol is defined (go to definition)",
      description = "symbol is a simple or qualified name; at most 100 definitions, by path.")
  List<DefinitionSite> definitions(
      @PathVariable long id,
      @RequestParam String symbol,
      @RequestParam(required = false) @Nullable String branch) {
    requireSymbol(symbol);
    Repository repository = repository(id);
    Branch indexed = core.browser().indexedBranch(repository, branchOr(repository, branch));
    return core.graph().definitions(org(), indexed.id(), symbol).stream()
        .limit(MAX_DEFINITIONS)
        .map(d ->
            new DefinitionSite(
                d.name(), d.kind().id(), d.qualifiedName(), d.symbol().path(), d.line()))
        .toList();
  }

  @GetMapping("/references")
  @Operation(
      summary = "Definitions of a symbol and the references resolved to them",
      description =
          "symbol is a simple or qualified name; path (and line) pick one definition when the"
              + " name has several.")
  ReferencesView references(
      @PathVariable long id,
      @RequestParam String symbol,
      @RequestParam(required = false) @Nullable String path,
      @RequestParam(required = false) @Nullable Integer line,
      @RequestParam(required = false) @Nullable String branch,
      @RequestParam(defaultValue = "1") int context) {
    requireSymbol(symbol);
    if (context < 0 || context > MAX_CONTEXT) {
      throw new AtelierException(
          PlatformError.BAD_REQUEST, "context must be 0 to " + MAX_CONTEXT + " lines");
    }
    Repository repository = repository(id);
    String branchName = branchOr(repository, branch);
    Branch indexed = core.browser().indexedBranch(repository, branchName);
    List<CodeGraph.Definition> definitions =
        core.graph().definitions(org(), indexed.id(), symbol).stream()
            .filter(d -> path == null || path.isBlank() || d.symbol().path().equals(path))
            .toList();
    if (line != null && definitions.size() > 1) {
      List<CodeGraph.Definition> atLine =
          definitions.stream().filter(d -> d.line() == line).toList();
      if (!atLine.isEmpty()) {
        definitions = atLine;
      }
    }
    Map<String, String[]> lines = new HashMap<>();
    List<DefinitionView> views = new ArrayList<>();
    int budget = MAX_REFERENCES;
    boolean truncated = false;
    for (CodeGraph.Definition definition : definitions) {
      Map<String, List<CodeGraph.Reference>> byFile =
          core.graph().references(org(), indexed.id(), definition.symbol());
      int count = byFile.values().stream().mapToInt(List::size).sum();
      List<ReferenceView> references = new ArrayList<>();
      for (List<CodeGraph.Reference> inFile : byFile.values()) {
        for (CodeGraph.Reference reference : inFile) {
          if (budget == 0) {
            truncated = true;
            break;
          }
          budget--;
          String[] text =
              lines.computeIfAbsent(reference.path(), p -> lines(repository, branchName, p));
          int at = reference.line();
          boolean known = at >= 1 && at <= text.length;
          // The empty string after a file's last newline is not a line of it.
          int last =
              text.length > 0 && text[text.length - 1].isEmpty() ? text.length - 1 : text.length;
          references.add(
              new ReferenceView(
                  reference.path(),
                  at,
                  reference.column(),
                  reference.kind().id(),
                  known ? snippet(text[at - 1]) : "",
                  known ? snippets(text, Math.max(1, at - context), at) : List.of(),
                  known ? snippets(text, at + 1, Math.min(last, at + context) + 1) : List.of()));
        }
      }
      views.add(
          new DefinitionView(
              definition.name(),
              definition.kind().id(),
              definition.qualifiedName(),
              definition.symbol().path(),
              definition.line(),
              count,
              references));
    }
    return new ReferencesView(symbol, views, truncated);
  }

  private static void requireSymbol(String symbol) {
    if (symbol.isBlank() || symbol.length() > 500) {
      throw new AtelierException(PlatformError.BAD_REQUEST, "symbol needs 1 to 500 characters");
    }
  }

  private String[] lines(Repository repository, String branch, String path) {
    try {
      return core.browser().file(repository, branch, path).content().split("\n", -1);
    } catch (AtelierException e) {
      // A binary or oversized file has references without a line to show.
      return new String[0];
    }
  }

  /** Lines {@code from} (1-based, inclusive) to {@code to} (exclusive), each as a snippet. */
  private static List<String> snippets(String[] text, int from, int to) {
    List<String> lines = new ArrayList<>();
    for (int n = from; n < to; n++) {
      lines.add(snippet(text[n - 1]));
    }
    return lines;
  }

  private static String snippet(String line) {
    String stripped = line.stripTrailing();
    return stripped.length() > MAX_SNIPPET ? stripped.substring(0, MAX_SNIPPET) + "…" : stripped;
  }

  private Repository repository(long id) {
    return core.repos().repositories().require(org(), new RepositoryId(id));
  }

  private static String branchOr(Repository repository, @Nullable String branch) {
    return branch == null || branch.isBlank() ? repository.defaultBranch() : branch;
  }
}
