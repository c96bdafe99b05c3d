/** Folder-by-folder summaries of a branch for drilling down a codebase. */
@NullMarked
package dev.atelier.codeintel.internal.explore;

import org.jspecify.annotations.NullMarked;
