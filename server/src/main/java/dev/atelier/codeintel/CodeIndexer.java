package dev.atelier.codeintel;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.internal.classify.FileClassifier;
import dev.atelier.codeintel.internal.classify.ManifestClasses;
import dev.atelier.codeintel.internal.index.BlobCollector;
import dev.atelier.codeintel.internal.index.BranchStats;
import dev.atelier.codeintel.internal.index.CodeIndexStore;
import dev.atelier.codeintel.internal.index.ParsePipeline;
import dev.atelier.codeintel.internal.index.Phases;
import dev.atelier.codeintel.internal.index.TextIndexer;
import dev.atelier.codeintel.internal.resolve.BlobFacts;
import dev.atelier.codeintel.internal.resolve.Resolver;
import dev.atelier.codeintel.internal.work.SingleWorker;
import dev.atelier.codeintel.internal.work.WriteTurns;
import dev.atelier.platform.Database;
import dev.atelier.repos.BlobId;
import dev.atelier.repos.Branch;
import dev.atelier.repos.ContentSource;
import dev.atelier.repos.ManifestChanges;
import dev.atelier.repos.ManifestEntry;
import dev.atelier.repos.ManifestId;
import dev.atelier.repos.RepoPath;
import dev.atelier.repos.ReposStorage;
import dev.atelier.repos.Repository;
import dev.atelier.repos.Sha256;
import dev.atelier.repos.SkipReason;
import dev.atelier.repos.SkippedFile;
import dev.atelier.repos.SourceEntry;
import dev.atelier.repos.SourceFile;
import dev.atelier.repos.SourceScan;
import dev.atelier.repos.WorkingTreeSource;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Indexes branches: lists a source's files, parses the content the org has not seen (on a bounded
 * pool), writes the results against the blobs and switches the branch's manifest in one
 * transaction. A failure at any point leaves the last complete manifest current.
 */
public final class CodeIndexer implements AutoCloseable {

  private final ReposStorage repos;
  private final CodeIndexStore store;
  private final CodeParser parser;
  private final ExecutorService pool;
  private final ParsePipeline pipeline;
  private final TextIndexer text;
  private final BlobCollector collector;
  private final Resolver resolver;
  private final ManifestClasses classes;
  // The deferred text index and resolution each run on one thread of their own.
  private final SingleWorker textWorker = new SingleWorker("atelier-text-index");
  private final SingleWorker resolveWorker = new SingleWorker("atelier-resolve");
  private final Map<Long, Long> lastResolved = new java.util.concurrent.ConcurrentHashMap<>();
  private final AtomicInteger running = new AtomicInteger();
  private final WriteTurns turns = new WriteTurns();

  /** How long a blob no branch uses is kept: longer than any index run takes to switch. */
  private static final Duration UNUSED_BLOB_GRACE = Duration.ofHours(1);

  public CodeIndexer(Database database, ReposStorage repos, CodeParser parser, int threads) {
    requireNonNull(database, "database is null");
    this.repos = requireNonNull(repos, "repos is null");
    this.parser = requireNonNull(parser, "parser is null");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be positive: " + threads);
    }
    this.store = new CodeIndexStore(database.dataSource(), database.vendor());
    this.resolver = new Resolver(database.dataSource(), database.vendor(), turns);
    AtomicInteger counter = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            runnable -> {
              Thread thread = new Thread(runnable, "atelier-parse-" + counter.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    FileClassifier classifier = new FileClassifier();
    this.classes = new ManifestClasses(classifier, store);
    this.pipeline =
        new ParsePipeline(repos.blobs(), store, parser, pool, threads, turns, classifier);
    this.text = new TextIndexer(database.dataSource(), database.vendor(), turns);
    this.collector = new BlobCollector(database.dataSource(), database.vendor(), turns);
  }

  /** The natives in use, e.g. {@code tree-sitter-o2}. */
  public String parserBackend() {
    return parser.backend();
  }

  /** Blobs of the org whose trigram text index is still to be written. */
  public long textIndexPending(long orgId) {
    return text.pending(orgId);
  }

  /**
   * Writes the org's pending text index now, after any catch-up already queued (the CLI waits for
   * it; {@code serve} lets the background worker do it).
   */
  public void completeTextIndex(long orgId) throws InterruptedException {
    textWorker.call(() -> text.indexPending(orgId));
  }

  /**
   * Deletes the org's blobs that no branch uses any more and that are older than {@code grace},
   * with everything parsed from them; returns how many. Runs on the text index's thread, after the
   * work queued there, so it never races the text index's writes.
   */
  public int collectUnusedBlobs(long orgId, Duration grace) throws InterruptedException {
    return textWorker.call(() -> collector.collect(orgId, grace));
  }

  /** The text worker's key for an org's blob collection; its text index jobs use the org id. */
  private static long collectionKey(long orgId) {
    return -orgId;
  }

  /** Resolves now (on the resolver thread); returns the branch's resolved references. */
  private long resolveNow(
      long orgId, long branchId, long manifestId, boolean incremental, Map<Long, BlobFacts> parsed)
      throws InterruptedException {
    long resolved =
        resolveWorker.call(() -> {
          if (incremental && resolver.upToDate(orgId, branchId, manifestId)) {
            // An unchanged tree: loading the whole branch to find nothing costs seconds.
            return resolver.resolvedCount(orgId, branchId);
          }
          return (incremental
                  ? resolver.resolveChanges(orgId, branchId, manifestId)
                  : resolver.resolveAll(orgId, branchId, manifestId, parsed))
              .resolvedReferences();
        });
    lastResolved.put(branchId, resolved);
    return resolved;
  }

  /** Resolves the branch's then-current manifest soon; requests coalesce while one is queued. */
  private void scheduleResolution(long orgId, long branchId) {
    resolveWorker.schedule(
        branchId,
        () ->
            repos
                .branches()
                .find(orgId, new dev.atelier.repos.BranchId(branchId))
                .map(Branch::manifestId)
                .ifPresent(manifest ->
                    lastResolved.put(
                        branchId,
                        resolver
                            .resolveChanges(orgId, branchId, manifest.value())
                            .resolvedReferences())));
  }

  /** Whether an index run, a resolution or the text index is at work right now. */
  public boolean busy() {
    return running.get() > 0 || resolveWorker.busy() || textWorker.busy();
  }

  /** Waits until resolutions scheduled so far are done (tests, the CLI). */
  public void awaitResolution() throws InterruptedException {
    resolveWorker.await();
  }

  /** How many chunks of the branch's current manifest have a vector. */
  public long embeddedChunks(Repository repository, String branchName) {
    return repos
        .branches()
        .find(repository.orgId(), repository.id(), branchName)
        .map(Branch::manifestId)
        .map(id -> store.stats(repository.orgId(), id.value()).embeddedChunks())
        .orElse(0L);
  }

  /** Indexes the whole source as the branch's new manifest. */
  public IndexSummary index(
      Repository repository,
      String branchName,
      ContentSource source,
      @Nullable String headCommit,
      IndexListener listener)
      throws InterruptedException {
    long started = System.nanoTime();
    long orgId = repository.orgId();
    Branch branch = repos.branches().ensure(orgId, repository.id(), branchName);
    SourceScan scan = source.scan();
    AtomicBoolean classifiedNow = new AtomicBoolean();
    return run(
        new Run(
            repository,
            branch,
            scan.files(),
            scan.skipped(),
            listener,
            started,
            branch.manifestId() != null,
            false,
            classifiedNow,
            (stored, classify) -> {
              List<ManifestEntry> entries = new ArrayList<>(scan.files().size());
              for (SourceFile file : scan.files()) {
                if (stored.contains(file.sha256())) {
                  entries.add(file.entry());
                }
              }
              ManifestId current = branch.manifestId();
              if (current == null) {
                return repos
                    .manifests()
                    .replace(orgId, branch.id(), classify.apply(entries), headCommit);
              }
              // Against the current manifest only differences travel; an unchanged tree writes
              // none.
              List<ManifestEntry> before = repos.manifests().entries(orgId, current);
              // Rows from before classes existed: their resolution predates the rules that read
              // classes (no links into tests), so this run resolves the branch in full.
              classifiedNow.set(before.stream().anyMatch(e -> e.fileClass() == null));
              ManifestChanges changes = differences(before, entries, classify);
              if (changes.isEmpty() && java.util.Objects.equals(headCommit, branch.headCommit())) {
                repos.branches().finishUnchanged(orgId, branch.id());
                return current;
              }
              return repos.manifests().apply(orgId, branch.id(), changes, headCommit);
            }));
  }

  /**
   * The changes from {@code before} to {@code after}: new or changed content, and rows not
   * classified yet (written before classes existed), which are classified now.
   */
  private static ManifestChanges differences(
      List<ManifestEntry> before, List<ManifestEntry> after, Classify classify) {
    Map<RepoPath, ManifestEntry> old = new HashMap<>();
    for (ManifestEntry entry : before) {
      old.put(entry.path(), entry);
    }
    List<ManifestEntry> upserts = new ArrayList<>();
    for (ManifestEntry entry : after) {
      ManifestEntry previous = old.remove(entry.path());
      if (previous == null || !entry.sha().equals(previous.sha()) || previous.fileClass() == null) {
        upserts.add(entry);
      }
    }
    return new ManifestChanges(classify.apply(upserts), old.keySet());
  }

  /**
   * Re-indexes only {@code paths} of a working tree: changed files are re-hashed (and parsed if
   * their content is new), deleted ones and folders leave the manifest. Without a current manifest
   * the whole tree is indexed.
   */
  public IndexSummary update(
      Repository repository,
      String branchName,
      WorkingTreeSource source,
      Collection<RepoPath> paths,
      IndexListener listener)
      throws InterruptedException {
    long started = System.nanoTime();
    long orgId = repository.orgId();
    Branch branch = repos.branches().ensure(orgId, repository.id(), branchName);
    ManifestId current = branch.manifestId();
    if (current == null
        || paths.stream().anyMatch(p -> Files.isDirectory(source.root().resolve(p.value())))) {
      return index(repository, branchName, source, null, listener);
    }
    List<SourceFile> files = new ArrayList<>();
    List<SkippedFile> skipped = new ArrayList<>();
    Set<RepoPath> deletions = new HashSet<>();
    List<ManifestEntry> before = repos.manifests().entries(orgId, current);
    for (RepoPath path : new HashSet<>(paths)) {
      SourceEntry entry = source.lookup(path);
      switch (entry) {
        case SourceFile file -> files.add(file);
        case SkippedFile skip -> {
          if (skip.reason() != SkipReason.NOT_FOUND) {
            skipped.add(skip);
          }
          String folder = path.value() + "/";
          for (ManifestEntry old : before) {
            if (old.path().equals(path) || old.path().value().startsWith(folder)) {
              deletions.add(old.path());
            }
          }
        }
      }
    }
    return run(
        new Run(
            repository,
            branch,
            files,
            skipped,
            listener,
            started,
            true,
            true,
            new AtomicBoolean(),
            (stored, classify) -> {
              List<ManifestEntry> upserts = new ArrayList<>();
              for (SourceFile file : files) {
                if (stored.contains(file.sha256())) {
                  upserts.add(file.entry());
                }
              }
              return repos
                  .manifests()
                  .apply(
                      orgId,
                      branch.id(),
                      new ManifestChanges(classify.apply(upserts), deletions),
                      null);
            }));
  }

  /** One index run's inputs. */
  private record Run(
      Repository repository,
      Branch branch,
      List<SourceFile> files,
      List<SkippedFile> skipped,
      IndexListener listener,
      long started,
      boolean incremental,
      boolean resolveInBackground,
      AtomicBoolean resolveInFull,
      ManifestWriter manifestWriter) {}

  private IndexSummary run(Run run) throws InterruptedException {
    running.incrementAndGet();
    try {
      return indexFiles(run);
    } finally {
      running.decrementAndGet();
    }
  }

  private IndexSummary indexFiles(Run run) throws InterruptedException {
    Repository repository = run.repository();
    Branch branch = run.branch();
    List<SourceFile> files = run.files();
    IndexListener listener = run.listener();
    boolean incremental = run.incremental();
    long orgId = repository.orgId();
    String repoName = repository.name();
    Phases phases = new Phases(run.started());
    phases.mark("scan");
    repos.branches().startIndexing(orgId, branch.id(), files.size());
    listener.started(repository, branch.name(), files.size());
    try {
      List<SourceFile> work = unindexed(orgId, files);
      int already = files.size() - work.size();
      // A full resolution follows: it resolves from what this run parses, not from rows read back.
      boolean resolveAll = !incremental && !run.resolveInBackground();
      Map<String, String> names = new java.util.concurrent.ConcurrentHashMap<>();
      ParsePipeline.Outcome<BlobFacts> outcome =
          pipeline.run(
              orgId,
              work,
              done -> {
                repos.branches().progress(orgId, branch.id(), already + done);
                listener.progress(repository, branch.name(), already + done, files.size());
              },
              parsed -> resolveAll ? BlobFacts.of(parsed, names) : null);
      Set<Sha256> stored =
          repos.blobs().ids(orgId, files.stream().map(SourceFile::sha256).toList()).keySet();
      phases.mark("parse");
      Set<Sha256> parsedNow = new HashSet<>();
      work.forEach(file -> parsedNow.add(file.sha256()));
      Classify classify =
          entries -> classes.classify(orgId, entries, parsedNow, outcome.generatedMarkers());
      ManifestId manifest = turns.call(() -> run.manifestWriter().write(stored, classify));
      phases.mark("manifest");
      // The trigram index of the new contents is written meanwhile, on its own thread: text search
      // is already complete (it reads contents not yet indexed directly), only faster once done.
      textWorker.schedule(orgId, () -> text.indexPending(orgId));
      // Resolution follows the manifest, on its own thread: a full pass on a first index, only
      // what changed otherwise. An update does not wait for it, so a change is searchable as soon
      // as its manifest is current; the graph catches up a moment later.
      long resolvedReferences;
      if (run.resolveInBackground()) {
        scheduleResolution(orgId, branch.id().value());
        resolvedReferences = lastResolved.getOrDefault(branch.id().value(), 0L);
      } else {
        resolvedReferences =
            resolveNow(
                orgId,
                branch.id().value(),
                manifest.value(),
                incremental && !run.resolveInFull().get(),
                outcome.kept());
      }
      phases.mark("resolve");
      List<IndexSummary.Skip> skips = new ArrayList<>();
      for (SkippedFile skip : run.skipped()) {
        skips.add(skip(skip));
      }
      for (SkippedFile skip : outcome.failed()) {
        skips.add(skip(skip));
      }
      BranchStats stats = store.stats(orgId, manifest.value());
      phases.mark("stats");
      IndexSummary summary =
          new IndexSummary(
              repoName,
              branch.name(),
              stats.files(),
              stats.filesByLanguage(),
              outcome.parsed(),
              stats.symbols(),
              stats.references(),
              resolvedReferences,
              stats.imports(),
              stats.chunks(),
              stats.embeddedChunks(),
              stats.filesWithSyntaxErrors(),
              skips,
              parser.backend(),
              (System.nanoTime() - run.started()) / 1_000_000,
              phases.millis());
      listener.completed(repository, summary);
      // Old contents pile up as files change; a run in progress may be about to reuse one.
      textWorker.schedule(
          collectionKey(orgId),
          () -> {
            if (running.get() == 0) {
              collector.collect(orgId, UNUSED_BLOB_GRACE);
            }
          });
      return summary;
    } catch (RuntimeException | InterruptedException e) {
      repos.branches().fail(orgId, branch.id(), String.valueOf(e.getMessage()));
      listener.failed(repository, branch.name(), String.valueOf(e.getMessage()));
      throw e;
    }
  }

  /** The files whose content the org has not parsed yet, each content once. */
  private List<SourceFile> unindexed(long orgId, List<SourceFile> files) {
    // Content is parsed once, as the language of one of its paths: a code path's over a text one,
    // so a source file and its copy as, say, a .txt fixture both get the code's symbols.
    Map<Sha256, SourceFile> firstBySha = new LinkedHashMap<>();
    for (SourceFile file : files) {
      firstBySha.merge(
          file.sha256(), file, (first, other) -> !parsed(first) && parsed(other) ? other : first);
    }
    Map<Sha256, BlobId> ids = repos.blobs().ids(orgId, firstBySha.keySet());
    Set<BlobId> parsed = store.parsed(orgId, ids.values());
    List<SourceFile> work = new ArrayList<>();
    for (Map.Entry<Sha256, SourceFile> entry : firstBySha.entrySet()) {
      BlobId id = ids.get(entry.getKey());
      if (id == null || !parsed.contains(id)) {
        work.add(entry.getValue());
      }
    }
    return work;
  }

  private static boolean parsed(SourceFile file) {
    return Language.ofPath(file.path().value()).parsed();
  }

  private static IndexSummary.Skip skip(SkippedFile skip) {
    return new IndexSummary.Skip(
        skip.path(), skip.reason().name().toLowerCase(java.util.Locale.ROOT), skip.detail());
  }

  @Override
  public void close() {
    resolveWorker.close();
    textWorker.close();
    pool.shutdownNow();
  }

  /** Writes the branch's new manifest, given which contents were stored. */
  @FunctionalInterface
  private interface ManifestWriter {
    ManifestId write(Set<Sha256> stored, Classify classify);
  }

  /** Gives manifest entries their class (test, generated, ...) before they are written. */
  @FunctionalInterface
  private interface Classify {
    List<ManifestEntry> apply(List<ManifestEntry> entries);
  }
}
