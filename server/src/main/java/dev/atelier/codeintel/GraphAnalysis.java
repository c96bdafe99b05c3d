package dev.atelier.codeintel;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.internal.cache.CacheFolder;
import dev.atelier.codeintel.internal.graph.BranchGraph;
import dev.atelier.codeintel.internal.graph.CommunityFinder;
import dev.atelier.codeintel.internal.graph.FileGraphView;
import dev.atelier.codeintel.internal.graph.GraphCache;
import dev.atelier.codeintel.internal.graph.GraphLoader;
import dev.atelier.codeintel.internal.graph.GraphWalks;
import dev.atelier.codeintel.internal.graph.ImpactAnalyzer;
import dev.atelier.codeintel.internal.graph.RepoMapper;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Database;
import dev.atelier.platform.Sql;
import dev.atelier.repos.Branch;
import dev.atelier.repos.ManifestId;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Whole-graph analyses of a branch: impact (blast radius) of changes, walks and shortest paths, a
 * PageRank repo map and Louvain communities. The branch's graph is loaded once into arrays and
 * cached by its manifest, so calls after the first take milliseconds.
 */
public final class GraphAnalysis {

  private final GraphCache cache;

  public GraphAnalysis(Database database) {
    this(database, CacheFolder.none());
  }

  /** Graphs also kept in {@code files}, so that the next process maps them instead of reading. */
  GraphAnalysis(Database database, CacheFolder files) {
    requireNonNull(database, "database is null");
    this.cache =
        new GraphCache(new GraphLoader(new Sql(database.dataSource(), database.vendor())), files);
  }

  /** A definition as a reader sees it. */
  public record Symbol(
      String path,
      int line,
      SymbolKind kind,
      String name,
      String qualifiedName,
      String signature) {}

  /**
   * Which results a walk keeps (the walk itself goes through everything).
   *
   * @param kinds symbol kinds to keep; empty keeps all
   * @param pathGlob a glob over repository-relative paths, read as every path filter reads it
   *     ({@code *} within a folder, {@code **} across folders; without a slash it matches the file
   *     name at any depth, with one it is anchored at the root), or null for all
   */
  public record Filter(Set<SymbolKind> kinds, @Nullable String pathGlob) {
    public Filter {
      kinds = Set.copyOf(kinds);
    }

    public static Filter none() {
      return new Filter(Set.of(), null);
    }
  }

  /**
   * A file that depends, directly or not, on what changed.
   *
   * @param distance dependency steps from the nearest change
   * @param fanIn how many files depend on this one (its own reach)
   * @param via the file it depends on one step closer to the change
   * @param test whether it is a test (by naming or folder convention)
   * @param through the symbols in it that reference the changed symbols' dependents (a few)
   */
  public record Dependent(
      String path, int distance, int fanIn, String via, boolean test, List<String> through) {}

  /** The blast radius of a change, ranked by distance then fan-in, and the tests among it. */
  public record Impact(
      List<String> files,
      List<Symbol> symbols,
      List<Dependent> dependents,
      List<Dependent> tests) {}

  /** A reference (or call) from one symbol to another, {@code depth} steps from the start. */
  public record SymbolEdge(Symbol from, Symbol to, int depth, int references) {}

  /** A file-graph edge found {@code depth} steps from the start. */
  public record FileLink(String from, String to, int depth, int imports, int references) {}

  /**
   * A shortest path, as files or as symbols (one of the lists is empty when nothing connects).
   *
   * @param reversed whether the path runs from {@code to} to {@code from} (none ran forward)
   */
  public record GraphPath(List<String> files, List<Symbol> symbols, boolean reversed) {}

  /** A file of the repo map with its rank and its most referenced symbols. */
  public record MapFile(String path, double rank, List<Symbol> symbols) {}

  public record RepoMap(List<MapFile> files, int totalFiles) {}

  /**
   * A cluster of files.
   *
   * @param folder the longest folder prefix its files share ("" for the root)
   * @param central its most central file (highest PageRank)
   * @param topSymbols the most referenced symbols of the central file
   */
  public record Community(
      int id,
      String label,
      String folder,
      String central,
      List<String> topSymbols,
      int size,
      List<String> files) {}

  /** Communities by size, the partition's modularity and the files with no edge at all. */
  public record Communities(List<Community> communities, double modularity, int isolatedFiles) {}

  /**
   * A file shown in the dependency graph.
   *
   * @param community the id of its community in {@link #communities}, 0 when it has no edge
   */
  public record GraphNode(String path, double rank, int community) {}

  /** A dependency between two shown files, as indexes into the nodes. */
  public record GraphEdge(int from, int to, int imports, int references) {}

  /** A community with files among the shown ones: its label, size and how many are shown. */
  public record GraphCluster(int id, String label, int size, int shown) {}

  /** The most central files, the dependencies among them and their communities. */
  public record FileGraph(
      List<GraphNode> nodes, List<GraphEdge> edges, List<GraphCluster> clusters, int totalFiles) {}

  /** What the loaded graph holds. */
  public record Stats(int files, int symbols, int fileEdges, int referenceEdges) {}

  /** Loads (or finds cached) the branch's graph and says how big it is. */
  public Stats load(Branch branch) {
    BranchGraph graph = graph(branch);
    return new Stats(
        graph.fileCount(), graph.symbolCount(), graph.fileEdgeCount(), graph.referenceEdgeCount());
  }

  /**
   * What depends on the changed files and symbols, up to {@code depth} steps: files over the file
   * graph, symbols over the reference graph (members of a changed type count as changed).
   */
  public Impact impact(Branch branch, List<String> files, List<String> symbols, int depth) {
    return new ImpactAnalyzer(graph(branch)).impact(files, symbols, depth);
  }

  /** Who calls the symbol's definitions, and who calls those, up to {@code depth} steps. */
  public List<SymbolEdge> callers(Branch branch, String symbol, int depth, Filter filter) {
    return new GraphWalks(graph(branch)).calls(symbol, depth, filter, true);
  }

  /** What the symbol's definitions call, and what those call, up to {@code depth} steps. */
  public List<SymbolEdge> callees(Branch branch, String symbol, int depth, Filter filter) {
    return new GraphWalks(graph(branch)).calls(symbol, depth, filter, false);
  }

  /** The files a file depends on (imports or references), and theirs, to {@code depth}. */
  public List<FileLink> imports(Branch branch, String path, int depth, Filter filter) {
    return new GraphWalks(graph(branch)).files(path, depth, filter, false);
  }

  /** The files depending on a file, and theirs, to {@code depth}. */
  public List<FileLink> importers(Branch branch, String path, int depth, Filter filter) {
    return new GraphWalks(graph(branch)).files(path, depth, filter, true);
  }

  /**
   * A shortest path of at most {@code maxLength} edges between two files (over the file graph) or
   * two symbols (over the reference graph); {@code from} and {@code to} name files when both are
   * paths of the branch.
   */
  public GraphPath path(Branch branch, String from, String to, int maxLength) {
    return new GraphWalks(graph(branch)).path(from, to, maxLength);
  }

  /** Whether the branch has a file at this repository-relative path. */
  public boolean hasFile(Branch branch, String path) {
    return new GraphWalks(graph(branch)).hasFile(path);
  }

  /**
   * The top {@code maxFiles} files by PageRank on the file graph (personalised to {@code focus}
   * files when given), each with up to {@code symbolsPerFile} of its most referenced symbols.
   */
  public RepoMap repoMap(Branch branch, List<String> focus, int maxFiles, int symbolsPerFile) {
    return new RepoMapper(graph(branch)).map(focus, maxFiles, symbolsPerFile);
  }

  /** Louvain communities of the file graph (deterministic; computed once per manifest). */
  public Communities communities(Branch branch) {
    return CommunityFinder.communities(graph(branch));
  }

  /**
   * The top {@code maxFiles} files by PageRank with the file-graph edges among them, each tagged
   * with its Louvain community: a drawable overview of a repository of any size.
   */
  public FileGraph fileGraph(Branch branch, int maxFiles) {
    return new FileGraphView(graph(branch)).top(maxFiles);
  }

  private BranchGraph graph(Branch branch) {
    ManifestId manifest = branch.manifestId();
    if (manifest == null) {
      throw new AtelierException(
          CodeIntelError.NOT_INDEXED, "branch '" + branch.name() + "' has not been indexed yet");
    }
    return cache.graph(branch.orgId(), branch.id().value(), manifest.value());
  }
}
