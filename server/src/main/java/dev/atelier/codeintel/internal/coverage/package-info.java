/**
 * How much of each repository the background work covers: chunks with a vector (semantic search)
 * and contents still waiting for the trigram text index, maintained per content instead of counted
 * over every chunk on each request.
 */
@NullMarked
package dev.atelier.codeintel.internal.coverage;

import org.jspecify.annotations.NullMarked;
