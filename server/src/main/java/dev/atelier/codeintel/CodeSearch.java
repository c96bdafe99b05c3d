package dev.atelier.codeintel;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.internal.cache.CacheFolder;
import dev.atelier.codeintel.internal.search.SymbolSearcher;
import dev.atelier.codeintel.internal.search.TextSearcher;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Database;
import dev.atelier.repos.Branch;
import dev.atelier.repos.ManifestId;
import dev.atelier.repos.ReposError;
import dev.atelier.repos.ReposStorage;
import dev.atelier.repos.Repository;
import java.util.List;
import java.util.Set;

/**
 * Text, regex and symbol-name search over a branch's current manifest. Both work as soon as the
 * manifest is switched; they never wait for embeddings.
 */
public final class CodeSearch {

  public static final int MAX_SYMBOL_RESULTS = 1000;

  private final ReposStorage repos;
  private final TextSearcher text;
  private final SymbolSearcher symbols;

  public CodeSearch(Database database, ReposStorage repos) {
    this(database, repos, CacheFolder.none());
  }

  /** Symbol names also kept in {@code files}, for the next process. */
  CodeSearch(Database database, ReposStorage repos, CacheFolder files) {
    requireNonNull(database, "database is null");
    this.repos = requireNonNull(repos, "repos is null");
    this.text = new TextSearcher(database.dataSource(), database.vendor());
    this.symbols = new SymbolSearcher(database.dataSource(), database.vendor(), files);
  }

  /** Lines of the branch's files that match the query, by path then line. */
  public TextSearchResult text(Repository repository, String branch, TextQuery query) {
    return text.search(repository.orgId(), manifest(repository, branch).value(), query);
  }

  /**
   * One page of a search whose query may carry filters ({@code file:}, {@code -file:}, {@code
   * lang:}, {@code -lang:}, {@code repo:}, {@code case:yes}), with the exact total of matching
   * lines and a cursor to the next page; paging through every cursor returns each match once.
   */
  public TextSearchPage textPage(Repository repository, String branch, TextSearchRequest request) {
    return text.page(
        repository.orgId(), manifest(repository, branch).value(), repository.name(), request);
  }

  /**
   * Symbols whose names match {@code query} by prefix, camel humps or fuzzily, best first.
   *
   * @param kinds only these kinds; empty for all
   */
  public List<SymbolHit> symbols(
      Repository repository, String branch, String query, Set<SymbolKind> kinds, int limit) {
    if (query.isBlank() || query.length() > 200) {
      throw new AtelierException(
          CodeIntelError.INVALID_QUERY, "a symbol query needs 1 to 200 characters");
    }
    if (limit < 1 || limit > MAX_SYMBOL_RESULTS) {
      throw new AtelierException(
          CodeIntelError.INVALID_QUERY, "limit must be between 1 and " + MAX_SYMBOL_RESULTS);
    }
    return symbols.search(
        repository.orgId(), manifest(repository, branch).value(), query, kinds, limit);
  }

  /** The outline of one file: its symbols in source order. */
  public List<SymbolHit> outline(Repository repository, String branch, String path) {
    return symbols.outline(repository.orgId(), manifest(repository, branch).value(), path);
  }

  private ManifestId manifest(Repository repository, String branchName) {
    Branch branch =
        repos
            .branches()
            .find(repository.orgId(), repository.id(), branchName)
            .orElseThrow(() ->
                new AtelierException(
                    ReposError.BRANCH_NOT_FOUND,
                    "repository " + repository.name() + " has no branch " + branchName));
    ManifestId manifest = branch.manifestId();
    if (manifest == null) {
      throw new AtelierException(
          CodeIntelError.NOT_INDEXED,
          "branch " + branchName + " of " + repository.name() + " is not indexed yet");
    }
    return manifest;
  }
}
