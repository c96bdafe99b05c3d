/**
 * A branch's code graph loaded once into int-indexed arrays (files, symbols, file edges and
 * reference edges in CSR form), cached by manifest, and the analyses over it: impact, walks and
 * shortest paths, PageRank repo maps and Louvain communities.
 */
@NullMarked
package dev.atelier.codeintel.internal.graph;

import org.jspecify.annotations.NullMarked;
