package dev.atelier.codeintel.internal.web;

import dev.atelier.codeintel.CodeSearch;
import dev.atelier.codeintel.SymbolHit;
import dev.atelier.codeintel.SymbolKind;
import dev.atelier.codeintel.TextSearchPage;
import dev.atelier.codeintel.TextSearchRequest;
import dev.atelier.codeintel.TextSort;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Caller;
import dev.atelier.platform.PlatformError;
import dev.atelier.repos.ReposStorage;
import dev.atelier.repos.Repository;
import dev.atelier.repos.RepositoryId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Text, regex and symbol search over a repository branch. */
@RestController
@RequestMapping("/api/repos/{id}/search")
@Tag(name = "search", description = "Text, regex and symbol-name search")
class SearchController {

  // Local mode has one org; service mode scopes by the caller's org once identity lands.
  // The org of every query here is the caller's (the request's tenancy context).
  private static long org() {
    return Caller.current().orgId();
  }

  private final ReposStorage repos;
  private final CodeSearch search;

  SearchController(ReposStorage repos, CodeSearch search) {
    this.repos = repos;
    this.search = search;
  }

  @GetMapping("/text")
  @Operation(
      summary = "One page of the lines matching a literal or a regular expression",
      description =
          "The query may carry filters beside the text: file:REGEX and -file:REGEX on the path,"
              + " lang:go (or -lang:), repo:REGEX on the repository's name, case:yes. The answer"
              + " has the exact total of matching lines; pass its nextCursor as cursor for the"
              + " next page. sort=relevance (code before tests, definitions first) or path.")
  TextSearchPage text(
      @PathVariable long id,
      @RequestParam String q,
      @RequestParam(defaultValue = "false") boolean regex,
      @RequestParam(defaultValue = "false") boolean caseSensitive,
      @RequestParam(required = false) @Nullable String path,
      @RequestParam(defaultValue = "" + TextSearchRequest.DEFAULT_PAGE_SIZE) int limit,
      @RequestParam(defaultValue = "relevance") String sort,
      @RequestParam(defaultValue = "0") int context,
      @RequestParam(required = false) @Nullable String cursor,
      @RequestParam(required = false) @Nullable String branch) {
    Repository repository = repository(id);
    TextSearchRequest request =
        new TextSearchRequest(
            q, regex, caseSensitive, path, TextSort.of(sort), context, limit, cursor);
    return search.textPage(repository, branchOr(repository, branch), request);
  }

  @GetMapping("/symbols")
  @Operation(summary = "Symbols by name: exact, prefix, camel hump (HSR), fuzzy")
  List<SymbolHit> symbols(
      @PathVariable long id,
      @RequestParam String q,
      @RequestParam(required = false) @Nullable List<String> kind,
      @RequestParam(defaultValue = "50") int limit,
      @RequestParam(required = false) @Nullable String branch) {
    Repository repository = repository(id);
    return search.symbols(repository, branchOr(repository, branch), q, kinds(kind), limit);
  }

  private Repository repository(long id) {
    return repos.repositories().require(org(), new RepositoryId(id));
  }

  private static String branchOr(Repository repository, @Nullable String branch) {
    return branch == null || branch.isBlank() ? repository.defaultBranch() : branch;
  }

  private static Set<SymbolKind> kinds(@Nullable List<String> names) {
    Set<SymbolKind> kinds = EnumSet.noneOf(SymbolKind.class);
    if (names != null) {
      for (String name : names) {
        try {
          kinds.add(SymbolKind.ofId(name.strip()));
        } catch (IllegalArgumentException e) {
          throw new AtelierException(PlatformError.BAD_REQUEST, "unknown symbol kind: " + name);
        }
      }
    }
    return kinds;
  }
}
