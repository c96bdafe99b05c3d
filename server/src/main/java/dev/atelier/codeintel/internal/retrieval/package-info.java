/**
 * Hybrid retrieval behind {@link dev.atelier.codeintel.SemanticSearch} and {@link
 * dev.atelier.codeintel.RelevantContext}: a per-manifest in-memory BM25F index over files (path,
 * symbol names, docs and signatures, content), symbol-name matching, nearest chunk vectors, fused
 * by reciprocal rank.
 */
@NullMarked
package dev.atelier.codeintel.internal.retrieval;

import org.jspecify.annotations.NullMarked;
