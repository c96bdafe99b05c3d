package dev.atelier.cli;

import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.codeintel.IndexListener;
import dev.atelier.codeintel.SemanticSearch;
import dev.atelier.codeintel.SymbolHit;
import dev.atelier.codeintel.SymbolKind;
import dev.atelier.codeintel.TextMatch;
import dev.atelier.codeintel.TextQuery;
import dev.atelier.codeintel.TextSearchResult;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.repos.BranchState;
import dev.atelier.repos.Repository;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code atelier search QUERY [PATH]}: text, regex or symbol search over the index of PATH,
 * indexing it first if it never was; with {@code --remote}, over a logged-in server's index. Prints
 * {@code path:line: text} lines, or JSON.
 */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description =
        "Search the indexed code: text (default), --regex, --symbols by name, or --semantic.")
final class SearchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "QUERY", description = "What to look for.")
  String query = "";

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "PATH",
      description = "Repository folder (default: the current folder).")
  Path path = Path.of(".");

  @Mixin StorageOptions storage = new StorageOptions();

  @Option(names = "--regex", description = "QUERY is a Java regular expression.")
  boolean regex;

  @Option(names = "--case-sensitive", description = "Match case exactly (regexes always do).")
  boolean caseSensitive;

  @Option(
      names = "--symbols",
      description = "Search symbol names: prefix, camel humps (HSR), fuzzy.")
  boolean symbols;

  @Option(
      names = "--semantic",
      description =
          "Natural-language search: files ranked by BM25, symbol names and (where embedded)"
              + " vectors, with their best lines.")
  boolean semantic;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      split = ",",
      description = "With --symbols: only these kinds (class, method, function, ...).")
  List<String> kinds = new ArrayList<>();

  @Option(names = "--path", paramLabel = "GLOB", description = "Only paths matching the glob.")
  @Nullable String pathGlob;

  @Option(names = "--limit", paramLabel = "N", description = "At most N results (default 50).")
  int limit = 50;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Mixin RemoteOptions remote = new RemoteOptions();

  @Override
  public Integer call() throws InterruptedException {
    if ((semantic ? 1 : 0) + (symbols ? 1 : 0) + (regex ? 1 : 0) > 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "choose one of --semantic, --symbols and --regex");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (remote.enabled()) {
      searchRemotely(out);
      return 0;
    }
    AtelierSettings settings = storage.settings(path);
    try (CodeIntelligence core =
        CodeIntelligence.open(settings, CodeIntelligence.defaultThreads())) {
      Repository repository = core.workingTree(path);
      String branch = repository.defaultBranch();
      boolean indexed =
          core.repos()
              .branches()
              .find(repository.orgId(), repository.id(), branch)
              .map(b -> b.manifestId() != null && b.state() != BranchState.NEW)
              .orElse(false);
      if (!indexed) {
        spec.commandLine().getErr().println("atelier: indexing " + path + " first ...");
        core.indexWorkingTree(path, IndexListener.NONE);
      }
      Map<String, Object> result = new LinkedHashMap<>();
      if (semantic) {
        SemanticSearch.Result found =
            core.semanticSearch()
                .search(
                    repository,
                    core.repos()
                        .branches()
                        .find(repository.orgId(), repository.id(), branch)
                        .orElseThrow(),
                    new SemanticSearch.Query(query, semanticLimit(), true));
        result.put("files", found.files());
        result.put("coverage", found.coverage());
        if (!json) {
          spec.commandLine()
              .getErr()
              .printf(
                  Locale.ROOT,
                  "vectors: %,d / %,d chunks embedded%s%n",
                  found.coverage().embeddedChunks(),
                  found.coverage().totalChunks(),
                  found.coverage().vectorsUsed() ? " (used)" : "");
          for (SemanticSearch.FileHit hit : found.files()) {
            out.printf("%s  [%s]%n", hit.path(), String.join(", ", hit.matchedBy()));
            for (SemanticSearch.Anchor anchor : hit.anchors()) {
              out.printf(
                  "  %s:%d:%s %s%n",
                  hit.path(),
                  anchor.line(),
                  anchor.symbol() == null ? "" : " " + anchor.symbol() + " -",
                  anchor.snippet());
            }
          }
        }
      } else if (symbols) {
        List<SymbolHit> hits = core.search().symbols(repository, branch, query, kinds(), limit);
        result.put("symbols", hits);
        if (!json) {
          for (SymbolHit hit : hits) {
            out.printf(
                "%s:%d: %s %s%n", hit.path(), hit.line(), hit.kind().id(), hit.qualifiedName());
          }
        }
      } else {
        TextQuery textQuery = new TextQuery(query, regex, regex || caseSensitive, pathGlob, limit);
        TextSearchResult found = core.search().text(repository, branch, textQuery);
        result.put("matches", found.matches());
        result.put("truncated", found.truncated());
        if (!json) {
          for (TextMatch match : found.matches()) {
            out.printf("%s:%d: %s%n", match.path(), match.line(), match.text().strip());
          }
          if (found.truncated()) {
            out.printf("... more matches; raise --limit%n");
          }
        }
      }
      if (json) {
        out.println(JsonMapper.builder().build().writeValueAsString(result));
      }
      out.flush();
    }
    return 0;
  }

  private void searchRemotely(PrintWriter out) {
    try (RemoteClient client = remote.client()) {
      RemoteSearch search = new RemoteSearch(client, remote.repository(client, path), out, json);
      if (semantic) {
        search.semantic(query, semanticLimit());
      } else if (symbols) {
        kinds(); // the same check of the names as locally, before asking the server
        search.symbols(query, kinds, limit);
      } else {
        search.text(query, regex, regex || caseSensitive, pathGlob, limit);
      }
    }
  }

  /** Ten files unless --limit says otherwise: each comes with its anchors. */
  private int semanticLimit() {
    boolean given = spec.commandLine().getParseResult().hasMatchedOption("--limit");
    return given ? Math.max(1, Math.min(limit, SemanticSearch.MAX_RESULTS)) : 10;
  }

  private Set<SymbolKind> kinds() {
    Set<SymbolKind> set = EnumSet.noneOf(SymbolKind.class);
    for (String kind : kinds) {
      try {
        set.add(SymbolKind.ofId(kind.strip()));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "unknown kind: " + kind + " (e.g. class, method, function)");
      }
    }
    return set;
  }
}
