package dev.atelier.cli;

import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.codeintel.EmbeddingListener;
import dev.atelier.codeintel.EmbeddingProgress;
import dev.atelier.codeintel.EmbeddingWorker;
import dev.atelier.codeintel.IndexListener;
import dev.atelier.codeintel.IndexSummary;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.PlatformError;
import dev.atelier.repos.Repository;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atelier index PATH}: index a repository folder and print a summary. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = "Index a repository folder and print a summary (files, symbols, references).")
final class IndexCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PATH",
      description = "Repository folder (default: the current folder).")
  Path path = Path.of(".");

  @Mixin StorageOptions storage = new StorageOptions();

  @Option(names = "--json", description = "Print one JSON object instead of the summary.")
  boolean json;

  @Option(
      names = "--rev",
      paramLabel = "REV",
      description =
          "Index a git revision (branch, tag, commit, main~2) read from git without a checkout,"
              + " as the branch named REV (default: the working tree).")
  @Nullable String revision;

  @Option(
      names = "--embeddings",
      description =
          "Also embed the chunks for semantic search and wait until done (minutes on large trees;"
              + " serve does this in the background).")
  boolean embeddings;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Parse threads (default: one per core).")
  int threads = CodeIntelligence.defaultThreads();

  @Override
  public Integer call() throws InterruptedException {
    if (threads < 1) {
      throw new ParameterException(spec.commandLine(), "--threads must be at least 1");
    }
    if (!Files.isDirectory(path)) {
      throw new AtelierException(PlatformError.BAD_REQUEST, "not a folder: " + path);
    }
    AtelierSettings settings = storage.settings(path);
    PrintWriter err = spec.commandLine().getErr();
    try (CodeIntelligence core = CodeIntelligence.open(settings, threads)) {
      IndexSummary summary =
          revision == null
              ? core.indexWorkingTree(path, new ProgressLine(err))
              : core.indexGitRevision(path, revision, new ProgressLine(err));
      long textStarted = System.nanoTime();
      core.indexer().completeTextIndex(CodeIntelligence.LOCAL_ORG);
      summary = summary.withTextIndex((System.nanoTime() - textStarted) / 1_000_000);
      if (embeddings) {
        summary = embed(core, summary, err);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.print(json ? IndexSummaryText.json(summary) : IndexSummaryText.human(summary));
      out.flush();
    }
    return 0;
  }

  private IndexSummary embed(CodeIntelligence core, IndexSummary summary, PrintWriter err)
      throws InterruptedException {
    EmbeddingWorker worker = core.embeddings(EmbeddingListener.NONE);
    long started = System.nanoTime();
    worker.wake(CodeIntelligence.LOCAL_ORG);
    boolean terminal = Terminal.interactive();
    boolean coreReported = false;
    while (!worker.awaitIdle(Duration.ofSeconds(1))) {
      EmbeddingProgress progress = worker.progress(CodeIntelligence.LOCAL_ORG);
      if (!coreReported && progress.coreTotal() > 0 && progress.coreComplete()) {
        coreReported = true;
        printCovered(err, progress, started, terminal);
      }
      if (terminal) {
        err.printf(
            Locale.ROOT,
            "\rembedding: %d/%d chunks, code %d/%d (%.0f/s)",
            progress.done(),
            progress.total(),
            progress.coreDone(),
            progress.coreTotal(),
            progress.chunksPerSecond());
      }
      err.flush();
    }
    EmbeddingProgress last = worker.progress(CodeIntelligence.LOCAL_ORG);
    if (!coreReported && last.coreTotal() > 0) {
      printCovered(err, last, started, terminal);
    }
    err.printf(
        Locale.ROOT,
        "%sembedding: %d/%d chunks after %.1f s%n",
        terminal ? "\r" : "",
        last.done(),
        last.total(),
        (System.nanoTime() - started) / 1e9);
    err.flush();
    Repository repository = core.workingTree(path);
    return summary.withEmbeddedChunks(core.indexer().embeddedChunks(repository, summary.branch()));
  }

  /**
   * The moment semantic search covers the code (every chunk outside tests, test data and generated
   * files has a vector): the number the embedding benchmark reports. Polled each second, so at most
   * a second late; a run that ends between polls reports its end.
   */
  private static void printCovered(
      PrintWriter err, EmbeddingProgress progress, long started, boolean terminal) {
    err.printf(
        Locale.ROOT,
        "%sembedding: code covered (%d chunks outside tests) after %.1f s; %d/%d chunks%n",
        terminal ? "\r" : "",
        progress.coreTotal(),
        (System.nanoTime() - started) / 1e9,
        progress.done(),
        progress.total());
  }

  /** Progress on stderr, rewritten in place on a terminal and silent otherwise. */
  private static final class ProgressLine implements IndexListener {

    private final PrintWriter err;
    private final boolean terminal = Terminal.interactive();
    private long lastPrinted;

    ProgressLine(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void progress(Repository repository, String branch, int done, int total) {
      long now = System.nanoTime();
      if (!terminal || (done < total && now - lastPrinted < 200_000_000L)) {
        return;
      }
      lastPrinted = now;
      err.printf(
          "\rindexing %s: %d/%d files%s",
          repository.name(), done, total, done == total ? "\n" : "");
      err.flush();
    }
  }
}
