package dev.atelier.codeintel;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.internal.cache.CacheFolder;
import dev.atelier.codeintel.internal.coverage.RepositoryCoverage;
import dev.atelier.codeintel.internal.retrieval.Retriever;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.Database;
import dev.atelier.platform.Mode;
import dev.atelier.platform.Sql;
import dev.atelier.repos.GitCommit;
import dev.atelier.repos.GitSource;
import dev.atelier.repos.ReposStorage;
import dev.atelier.repos.Repository;
import dev.atelier.repos.WorkingTreeSource;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The code-intelligence core assembled by hand: the database, the repos stores, the parser and the
 * indexer. {@code serve} registers its parts as beans; the CLI and the MCP server use it directly,
 * without a Spring context.
 */
public final class CodeIntelligence implements AutoCloseable {

  /** The one org of local mode. */
  public static final long LOCAL_ORG = 1;

  private final Database database;
  private final boolean ownsDatabase;
  private final ReposStorage repos;
  private final CodeParser parser;
  private final CodeIndexer indexer;
  private final CodeSearch search;
  private final CodeGraph graph;
  private final GraphAnalysis analysis;
  private final FileInsights insights;
  private final RepositoryOverview overview;
  private final CodeNavigation navigation;
  private final SecurityScan security;
  private final ProjectDependencies dependencies;
  private final CodebaseExplorer explorer;
  private final TextEmbedder embedder;
  private final VectorIndex vectors;
  private final SemanticSearch semanticSearch;
  private final RelevantContext relevantContext;
  private final CodeBrowser browser;
  private final RepositoryCoverage coverage;
  private final CacheFolder files;
  private @Nullable EmbeddingWorker embeddings;

  private CodeIntelligence(
      Database database, boolean ownsDatabase, CodeParser parser, int threads, CacheFolder files) {
    this.database = database;
    this.ownsDatabase = ownsDatabase;
    this.files = files;
    this.repos = ReposStorage.of(database);
    this.parser = parser;
    this.indexer = new CodeIndexer(database, repos, parser, threads);
    this.search = new CodeSearch(database, repos, files);
    this.graph = new CodeGraph(database);
    this.analysis = new GraphAnalysis(database, files);
    this.insights =
        new FileInsights(
            database, graph, new ChangeHistory(), () -> Embeddings.vectorIndex(database));
    this.navigation = new CodeNavigation(database, parser, graph);
    this.security = new SecurityScan(database);
    this.dependencies = new ProjectDependencies(database);
    this.explorer = new CodebaseExplorer(database);
    // One lazily loaded model and one vector index, shared by the worker and by search.
    this.embedder = Embeddings.lazyOnnxEmbedder(EmbedderOptions.defaults());
    this.vectors = Embeddings.vectorIndex(database);
    Retriever retriever =
        new Retriever(
            new Sql(database.dataSource(), database.vendor()), () -> embedder, vectors, files);
    this.semanticSearch = new SemanticSearch(retriever);
    this.relevantContext = new RelevantContext(retriever, graph);
    this.overview = new RepositoryOverview(database);
    this.browser = new CodeBrowser(database, repos);
    this.coverage = new RepositoryCoverage(database);
  }

  /** Opens the database the settings name and assembles the core over it. */
  public static CodeIntelligence open(AtelierSettings settings, int threads) {
    requireNonNull(settings, "settings is null");
    Database database = Database.open(settings);
    try {
      return new CodeIntelligence(
          database, true, CodeParsers.create(), threads, cacheFolder(settings));
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** Assembles the core over a database someone else owns (and closes). */
  public static CodeIntelligence over(Database database, CodeParser parser, int threads) {
    return new CodeIntelligence(
        requireNonNull(database, "database is null"),
        false,
        requireNonNull(parser, "parser is null"),
        threads,
        CacheFolder.none());
  }

  /**
   * As {@link #over(Database, CodeParser, int)}, keeping graphs and search indexes in the settings'
   * data folder too, where the next process (an {@code atelier mcp}) finds them.
   */
  public static CodeIntelligence over(
      Database database, CodeParser parser, int threads, AtelierSettings settings) {
    return new CodeIntelligence(
        requireNonNull(database, "database is null"),
        false,
        requireNonNull(parser, "parser is null"),
        threads,
        cacheFolder(requireNonNull(settings, "settings is null")));
  }

  /**
   * {@code DATA/cache} in local mode; none in service mode, whose nodes keep no state of their own.
   */
  private static CacheFolder cacheFolder(AtelierSettings settings) {
    return settings.mode() == Mode.LOCAL
        ? CacheFolder.at(settings.dataDir().resolve("cache"))
        : CacheFolder.none();
  }

  /** One parse thread per core: parsing is CPU-bound native work. */
  public static int defaultThreads() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  public Database database() {
    return database;
  }

  /** The cache files this core reads and writes (none in service mode). */
  CacheFolder caches() {
    return files;
  }

  public ReposStorage repos() {
    return repos;
  }

  public CodeIndexer indexer() {
    return indexer;
  }

  public CodeSearch search() {
    return search;
  }

  /** Queries over the resolved symbol and file graphs. */
  public CodeGraph graph() {
    return graph;
  }

  /** Whole-graph analyses (impact, paths, repo map, communities) over cached in-memory graphs. */
  public GraphAnalysis analysis() {
    return analysis;
  }

  /** Per-file analyses: file analysis, hotspots, related files, git churn and co-change. */
  public FileInsights insights() {
    return insights;
  }

  /** Project summary and observed conventions of a branch. */
  public RepositoryOverview overview() {
    return overview;
  }

  /** Definition, hover, references and diagnostics at a file position (no language server). */
  public CodeNavigation navigation() {
    return navigation;
  }

  /** Hard-coded secrets and dangerous calls in a branch's text. */
  public SecurityScan security() {
    return security;
  }

  /** External packages declared in the build manifests, and the files that use them. */
  public ProjectDependencies dependencies() {
    return dependencies;
  }

  /** Folder-by-folder navigation with sizes, languages and one-line summaries. */
  public CodebaseExplorer explorer() {
    return explorer;
  }

  /** Natural-language search: BM25F, symbol names and vectors, fused. */
  public SemanticSearch semanticSearch() {
    return semanticSearch;
  }

  /** The files, symbols and snippets that matter for a task, within a budget. */
  public RelevantContext relevantContext() {
    return relevantContext;
  }

  /** Folders and file texts of a branch's manifest, for the web app's code view. */
  public CodeBrowser browser() {
    return browser;
  }

  /**
   * The background embedding worker, created on first use; its model loads when it first has chunks
   * to embed.
   */
  public synchronized EmbeddingWorker embeddings(EmbeddingListener listener) {
    EmbeddingWorker worker = embeddings;
    if (worker == null) {
      worker =
          Embeddings.worker(
              database, embedder, vectors, WorkerOptions.defaults(), listener, indexer::busy);
      embeddings = worker;
    }
    return worker;
  }

  /**
   * How much of each repository semantic search covers, by repository id: chunks of the blobs its
   * branches' current manifests hold, embedded of all, core (code outside tests) counted apart.
   */
  public Map<Long, EmbeddingProgress> embeddingCoverage(long orgId) {
    return coverage.byRepository(orgId);
  }

  /**
   * How much of each repository the trigram text index still has to take, by repository id: the
   * distinct contents its branches' current manifests hold, and how many of them wait.
   */
  public Map<Long, TextIndexBacklog> textIndexBacklog(long orgId) {
    return coverage.textBacklog(orgId);
  }

  /** The local org's repository for a working-tree folder, registered now if it is not yet. */
  public Repository workingTree(Path folder) {
    return repos.repositories().registerWorkingTree(LOCAL_ORG, folder);
  }

  /**
   * Indexes one revision of the git repository in {@code folder} (a branch, tag, commit or {@code
   * main~2}), read through git without a checkout, as the branch named {@code revision}.
   */
  public IndexSummary indexGitRevision(Path folder, String revision, IndexListener listener)
      throws InterruptedException {
    Repository repository = workingTree(folder);
    try (GitSource git = GitSource.open(folder)) {
      GitCommit commit = git.at(revision);
      return indexer.index(repository, revision, commit, commit.id(), listener);
    }
  }

  /** Indexes a working-tree folder as its repository's default branch. */
  public IndexSummary indexWorkingTree(Path folder, IndexListener listener)
      throws InterruptedException {
    Repository repository = workingTree(folder);
    return indexer.index(
        repository, repository.defaultBranch(), WorkingTreeSource.of(folder), null, listener);
  }

  @Override
  public void close() {
    synchronized (this) {
      if (embeddings != null) {
        embeddings.close();
      }
    }
    insights.close();
    embedder.close();
    vectors.close();
    indexer.close();
    parser.close();
    if (ownsDatabase) {
      database.close();
    }
  }
}
