/** Reads the stored files of an indexed branch: paths, sizes, languages and text content. */
@NullMarked
package dev.atelier.codeintel.internal.content;

import org.jspecify.annotations.NullMarked;
