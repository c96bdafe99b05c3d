/**
 * Per-file analyses behind {@link dev.atelier.codeintel.FileInsights}: a cheap complexity estimate
 * from source text and symbol ranges, the branch's file graph with fan-in, tests by naming and
 * imports, and files' mean chunk vectors for embedding similarity.
 */
@NullMarked
package dev.atelier.codeintel.internal.insights;

import org.jspecify.annotations.NullMarked;
