package dev.atelier.codeintel.internal.index;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.CodeParser;
import dev.atelier.codeintel.Language;
import dev.atelier.codeintel.ParsedFile;
import dev.atelier.codeintel.internal.classify.FileClassifier;
import dev.atelier.codeintel.internal.work.WriteTurns;
import dev.atelier.repos.BlobId;
import dev.atelier.repos.BlobStore;
import dev.atelier.repos.NewBlob;
import dev.atelier.repos.Sha256;
import dev.atelier.repos.SkipReason;
import dev.atelier.repos.SkippedFile;
import dev.atelier.repos.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads, parses and writes the files whose blobs the org has not indexed yet. Parsing runs on a
 * bounded pool while a writer thread writes finished files in batches, so memory stays bounded by
 * the files in flight and two batches, not by the size of the tree.
 */
public final class ParsePipeline {

  private static final int BATCH_FILES = 256;
  private static final long BATCH_BYTES = 8L * 1024 * 1024;

  private final BlobStore blobs;
  private final CodeIndexStore store;
  private final CodeParser parser;
  private final ExecutorService pool;
  private final int inFlight;
  private final WriteTurns turns;
  private final FileClassifier classifier;

  public ParsePipeline(
      BlobStore blobs,
      CodeIndexStore store,
      CodeParser parser,
      ExecutorService pool,
      int threads,
      WriteTurns turns,
      FileClassifier classifier) {
    this.classifier = requireNonNull(classifier, "classifier is null");
    this.turns = requireNonNull(turns, "turns is null");
    this.blobs = requireNonNull(blobs, "blobs is null");
    this.store = requireNonNull(store, "store is null");
    this.parser = requireNonNull(parser, "parser is null");
    this.pool = requireNonNull(pool, "pool is null");
    this.inFlight = Math.max(2, threads * 16);
  }

  /**
   * What one run produced: how many files it parsed, which it had to leave out, and what the caller
   * asked to keep of each parse, by blob id.
   */
  public record Outcome<T>(
      int parsed, List<SkippedFile> failed, Map<Long, T> kept, Set<Sha256> generatedMarkers) {}

  /**
   * Indexes each file's content once (the first path decides the language), noting which contents
   * carry a generator's marker, reporting the number of files done after each written batch; {@code
   * keep} maps each parse (on the parsing threads) to what the run returns of it, if anything
   * (null).
   */
  public <T> Outcome<T> run(
      long orgId,
      List<SourceFile> files,
      IntConsumer progress,
      Function<ParsedFile, @Nullable T> keep)
      throws InterruptedException {
    ExecutorCompletionService<Result<T>> completion = new ExecutorCompletionService<>(pool);
    // Batches are written on a thread of their own while the next ones parse: writing on this
    // thread left both parsers idle for each batch's write (the parse phase ran at ~60% CPU).
    ExecutorService writer =
        Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("atelier-index-writer").daemon().factory());
    Map<Long, T> kept = new HashMap<>();
    List<SkippedFile> failed = new ArrayList<>();
    Set<Sha256> generatedMarkers = new HashSet<>();
    List<Result<T>> batch = new ArrayList<>();
    @Nullable PendingWrite writing = null;
    long batchBytes = 0;
    int submitted = 0;
    int finished = 0;
    int parsed = 0;
    try {
      while (finished < files.size()) {
        while (submitted < files.size() && submitted - finished < inFlight) {
          SourceFile file = files.get(submitted++);
          completion.submit(() -> parse(file, keep));
        }
        Future<Result<T>> done = completion.take();
        finished++;
        Result<T> result = get(done);
        if (result.failure() != null) {
          failed.add(result.failure());
          continue;
        }
        if (result.generatedMarker()) {
          generatedMarkers.add(result.file().sha256());
        }
        batch.add(result);
        batchBytes += result.bytes().length;
        if (batch.size() >= BATCH_FILES || batchBytes >= BATCH_BYTES) {
          parsed += finish(writing, progress);
          List<Result<T>> full = batch;
          writing = new PendingWrite(writer.submit(() -> write(orgId, full, kept)), finished);
          batch = new ArrayList<>();
          batchBytes = 0;
        }
      }
      parsed += finish(writing, progress);
      writing = null;
      parsed += write(orgId, batch, kept);
      progress.accept(finished);
      return new Outcome<>(parsed, failed, kept, generatedMarkers);
    } finally {
      // Stop reading and parsing what is still queued when we leave early.
      while (finished < submitted) {
        try {
          completion.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        finished++;
      }
      // A batch still being written completes (its own transaction) before the run returns.
      writer.shutdown();
      try {
        if (!writer.awaitTermination(1, TimeUnit.MINUTES)) {
          writer.shutdownNow();
        }
      } catch (InterruptedException e) {
        writer.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A batch handed to the writer, and the files finished when it was. */
  private record PendingWrite(Future<Integer> written, int finishedAt) {}

  /** Waits for a batch's write and reports the progress it made; how many files it wrote. */
  private static int finish(@Nullable PendingWrite pending, IntConsumer progress)
      throws InterruptedException {
    if (pending == null) {
      return 0;
    }
    int written;
    try {
      written = pending.written().get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("writing a batch failed", e.getCause());
    }
    progress.accept(pending.finishedAt());
    return written;
  }

  private <T> int write(long orgId, List<Result<T>> batch, Map<Long, T> kept) {
    if (batch.isEmpty()) {
      return 0;
    }
    return turns.call(() -> writeBatch(orgId, batch, kept));
  }

  private <T> int writeBatch(long orgId, List<Result<T>> batch, Map<Long, T> kept) {
    List<NewBlob> newBlobs = new ArrayList<>(batch.size());
    for (Result<T> result : batch) {
      newBlobs.add(NewBlob.text(result.bytes()));
    }
    blobs.putAll(orgId, newBlobs);
    Map<Sha256, BlobId> ids = blobs.ids(orgId, batch.stream().map(r -> r.file().sha256()).toList());
    List<ParsedBlob> parsedBlobs = new ArrayList<>(batch.size());
    for (Result<T> result : batch) {
      BlobId id = requireNonNull(ids.get(result.file().sha256()), "blob was not stored");
      T keep = result.kept();
      if (keep != null) {
        kept.put(id.value(), keep);
      }
      parsedBlobs.add(
          new ParsedBlob(id, result.parsed(), result.text(), ParsedBlob.countLines(result.text())));
    }
    store.write(orgId, parsedBlobs, parser.backend());
    return batch.size();
  }

  private <T> Result<T> parse(SourceFile file, Function<ParsedFile, @Nullable T> keep) {
    byte[] bytes;
    try {
      bytes = file.bytes();
    } catch (IOException e) {
      return Result.failed(
          file, new SkippedFile(file.path().value(), SkipReason.UNREADABLE, String.valueOf(e)));
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    Language language = Language.ofPath(file.path().value());
    ParsedFile parsed = language.parsed() ? parser.parse(language, text) : ParsedFile.text();
    return new Result<>(
        file, bytes, text, parsed, keep.apply(parsed), classifier.hasGeneratedMarker(text), null);
  }

  private static <T> Result<T> get(Future<Result<T>> done) throws InterruptedException {
    try {
      return done.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("parsing failed unexpectedly", e.getCause());
    }
  }

  private record Result<T>(
      SourceFile file,
      byte[] bytes,
      String text,
      ParsedFile parsed,
      @Nullable T kept,
      boolean generatedMarker,
      @Nullable SkippedFile failure) {

    static <T> Result<T> failed(SourceFile file, SkippedFile failure) {
      return new Result<>(file, new byte[0], "", ParsedFile.text(), null, false, failure);
    }
  }
}
