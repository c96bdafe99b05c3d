package dev.atelier.codeintel;

import java.util.List;
import java.util.Map;

/**
 * What one index run left current for a branch.
 *
 * @param repository the repository's name
 * @param branch the branch indexed
 * @param files files in the branch's manifest
 * @param filesByLanguage those files per language id
 * @param parsedFiles files this run had to parse (new content); the rest was indexed before
 * @param symbols symbols in the branch
 * @param references references in the branch
 * @param resolvedReferences references resolved to a definition
 * @param imports imports in the branch
 * @param chunks chunks for semantic search in the branch
 * @param embeddedChunks those chunks with a vector so far
 * @param syntaxErrors files with at least one syntax error (their recovered parts are indexed)
 * @param skipped files left out, with the reason
 * @param parser which natives parsed
 * @param millis wall time of the run
 * @param phaseMillis wall time per phase: scan (read and hash), parse (and write), manifest,
 *     resolve, stats
 */
public record IndexSummary(
    String repository,
    String branch,
    long files,
    Map<String, Long> filesByLanguage,
    long parsedFiles,
    long symbols,
    long references,
    long resolvedReferences,
    long imports,
    long chunks,
    long embeddedChunks,
    long syntaxErrors,
    List<Skip> skipped,
    String parser,
    long millis,
    Map<String, Long> phaseMillis) {

  public IndexSummary {
    filesByLanguage = Map.copyOf(filesByLanguage);
    skipped = List.copyOf(skipped);
    phaseMillis = Map.copyOf(phaseMillis);
  }

  /** This summary with a newer count of embedded chunks. */
  public IndexSummary withEmbeddedChunks(long embedded) {
    return copy(embedded, millis, phaseMillis);
  }

  /** This summary after the text index was completed in {@code textMillis} more. */
  public IndexSummary withTextIndex(long textMillis) {
    Map<String, Long> phases = new java.util.HashMap<>(phaseMillis);
    phases.put("text", textMillis);
    return copy(embeddedChunks, millis + textMillis, phases);
  }

  private IndexSummary copy(long embedded, long totalMillis, Map<String, Long> phases) {
    return new IndexSummary(
        repository,
        branch,
        files,
        filesByLanguage,
        parsedFiles,
        symbols,
        references,
        resolvedReferences,
        imports,
        chunks,
        embedded,
        syntaxErrors,
        skipped,
        parser,
        totalMillis,
        phases);
  }

  /** A file left out of the index. */
  public record Skip(String path, String reason, String detail) {}
}
