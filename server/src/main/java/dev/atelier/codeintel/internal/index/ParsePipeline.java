package dev.atelier.codeintel.internal.index;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.CodeParser;
import dev.atelier.codeintel.Language;
import dev.atelier.codeintel.ParsedFile;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Reads, parses and writes the files whose blobs the org has not indexed yet. Parsing runs on a
 * bounded pool while the calling thread writes finished files in batches, so memory stays bounded
 * by the files in flight, not by the size of the tree.
 */
public final class ParsePipeline {

  private static final int BATCH_FILES = 256;
  private static final long BATCH_BYTES = 8L * 1024 * 1024;

  private final BlobStore blobs;
  private final CodeIndexStore store;
  private final CodeParser parser;
  private final ExecutorService pool;
  private final int inFlight;

  public ParsePipeline(
      BlobStore blobs, CodeIndexStore store, CodeParser parser, ExecutorService pool, int threads) {
    this.blobs = requireNonNull(blobs, "blobs is null");
    this.store = requireNonNull(store, "store is null");
    this.parser = requireNonNull(parser, "parser is null");
    this.pool = requireNonNull(pool, "pool is null");
    this.inFlight = Math.max(2, threads * 4);
  }

  /** What one run produced: how many files it parsed, and which it had to leave out. */
  public record Outcome(int parsed, List<SkippedFile> failed) {}

  /**
   * Indexes each file's content once (the first path decides the language), reporting the number of
   * files done after each written batch.
   */
  public Outcome run(long orgId, List<SourceFile> files, IntConsumer progress)
      throws InterruptedException {
    ExecutorCompletionService<Result> completion = new ExecutorCompletionService<>(pool);
    List<SkippedFile> failed = new ArrayList<>();
    List<Result> batch = new ArrayList<>();
    long batchBytes = 0;
    int submitted = 0;
    int finished = 0;
    int parsed = 0;
    try {
      while (finished < files.size()) {
        while (submitted < files.size() && submitted - finished < inFlight) {
          SourceFile file = files.get(submitted++);
          completion.submit(() -> parse(file));
        }
        Future<Result> done = completion.take();
        finished++;
        Result result = get(done);
        if (result.failure() != null) {
          failed.add(result.failure());
          continue;
        }
        batch.add(result);
        batchBytes += result.bytes().length;
        if (batch.size() >= BATCH_FILES || batchBytes >= BATCH_BYTES) {
          parsed += write(orgId, batch);
          batch.clear();
          batchBytes = 0;
          progress.accept(finished);
        }
      }
      parsed += write(orgId, batch);
      progress.accept(finished);
      return new Outcome(parsed, failed);
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
    }
  }

  private int write(long orgId, List<Result> batch) {
    if (batch.isEmpty()) {
      return 0;
    }
    List<NewBlob> newBlobs = new ArrayList<>(batch.size());
    for (Result result : batch) {
      newBlobs.add(NewBlob.text(result.bytes()));
    }
    blobs.putAll(orgId, newBlobs);
    Map<Sha256, BlobId> ids = blobs.ids(orgId, batch.stream().map(r -> r.file().sha256()).toList());
    List<ParsedBlob> parsedBlobs = new ArrayList<>(batch.size());
    for (Result result : batch) {
      BlobId id = requireNonNull(ids.get(result.file().sha256()), "blob was not stored");
      parsedBlobs.add(
          new ParsedBlob(id, result.parsed(), result.text(), ParsedBlob.countLines(result.text())));
    }
    store.write(orgId, parsedBlobs, parser.backend());
    return batch.size();
  }

  private Result parse(SourceFile file) {
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
    return new Result(file, bytes, text, parsed, null);
  }

  private static Result get(Future<Result> done) throws InterruptedException {
    try {
      return done.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("parsing failed unexpectedly", e.getCause());
    }
  }

  private record Result(
      SourceFile file,
      byte[] bytes,
      String text,
      ParsedFile parsed,
      @org.jspecify.annotations.Nullable SkippedFile failure) {

    static Result failed(SourceFile file, SkippedFile failure) {
      return new Result(file, new byte[0], "", ParsedFile.text(), failure);
    }
  }
}
