package dev.atelier.codeintel;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.internal.retrieval.Retriever;
import dev.atelier.platform.AtelierException;
import dev.atelier.repos.Branch;
import dev.atelier.repos.ManifestId;
import dev.atelier.repos.Repository;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Natural-language search over a branch's code: BM25F over files (paths, symbol names, docs and
 * signatures, content), symbol-name matches and, where chunks are embedded, nearest chunk vectors,
 * fused by reciprocal rank. It answers as soon as a manifest is switched (text and symbols) and
 * uses vectors as the embedding worker writes them; each answer says how much is embedded.
 */
public final class SemanticSearch {

  public static final int MAX_RESULTS = 100;
  public static final int MAX_QUERY_CHARS = 2000;

  private final Retriever retriever;

  public SemanticSearch(Retriever retriever) {
    this.retriever = requireNonNull(retriever, "retriever is null");
  }

  /**
   * What to search for.
   *
   * @param text the question or description, in words or identifiers
   * @param limit at most this many files
   * @param useVectors whether embedded chunks may take part (they do only where there are some)
   */
  public record Query(String text, int limit, boolean useVectors) {
    public Query {
      requireNonNull(text, "text is null");
      if (text.isBlank() || text.length() > MAX_QUERY_CHARS) {
        throw new AtelierException(
            CodeIntelError.INVALID_QUERY,
            "a semantic query needs 1 to " + MAX_QUERY_CHARS + " characters");
      }
      if (limit < 1 || limit > MAX_RESULTS) {
        throw new AtelierException(
            CodeIntelError.INVALID_QUERY, "limit must be between 1 and " + MAX_RESULTS);
      }
    }
  }

  /**
   * A place in a result file worth reading.
   *
   * @param line 1-based first line
   * @param endLine 1-based last line of the symbol or chunk (== line for a single line)
   * @param symbol the definition there, if any
   * @param kind its kind, if any
   * @param snippet the first lines there, shortened
   * @param reason why: symbol (its name or doc matched), vector (an embedded chunk is close) or
   *     text (the line holds query terms)
   */
  public record Anchor(
      int line,
      int endLine,
      @Nullable String symbol,
      @Nullable SymbolKind kind,
      String snippet,
      String reason) {}

  /**
   * One result file.
   *
   * @param path repository-relative
   * @param score fused score (higher is better; only the order means something)
   * @param matchedBy which rankers found it: bm25, symbols, vectors
   * @param anchors its best places, best first
   */
  public record FileHit(String path, double score, List<String> matchedBy, List<Anchor> anchors) {}

  /**
   * How much of the branch semantic search covers.
   *
   * @param embeddedChunks chunks of the branch with a vector
   * @param totalChunks chunks of the branch
   * @param vectorsUsed whether this answer used vectors
   */
  public record Coverage(long embeddedChunks, long totalChunks, boolean vectorsUsed) {}

  /** The files found, best first, and what the search covered. */
  public record Result(List<FileHit> files, Coverage coverage, List<String> terms) {}

  /** Searches the branch's current manifest. */
  public Result search(Repository repository, Branch branch, Query query) {
    return retriever.search(repository.orgId(), manifest(repository, branch).value(), query);
  }

  /**
   * Builds the in-memory index of the branch's current manifest now (e.g. right after an index
   * run), so the first query does not wait for it; queries arriving meanwhile share the build.
   */
  public void warm(Repository repository, Branch branch) {
    retriever.index(repository.orgId(), manifest(repository, branch).value());
  }

  /** Whether the branch's current manifest has its in-memory index built (queries are fast). */
  public boolean isWarm(Repository repository, Branch branch) {
    ManifestId manifest = branch.manifestId();
    return manifest != null && retriever.isBuilt(manifest.value());
  }

  static ManifestId manifest(Repository repository, Branch branch) {
    ManifestId manifest = branch.manifestId();
    if (manifest == null) {
      throw new AtelierException(
          CodeIntelError.NOT_INDEXED,
          "branch " + branch.name() + " of " + repository.name() + " is not indexed yet");
    }
    return manifest;
  }
}
