/**
 * Parsing, symbols, references, graphs, analyses, text/symbol/semantic search and context assembly.
 */
@NullMarked
package dev.atelier.codeintel;

import org.jspecify.annotations.NullMarked;
