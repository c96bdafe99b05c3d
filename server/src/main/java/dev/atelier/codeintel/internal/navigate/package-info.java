/** Editor-style navigation at a file position: definition, hover, references, diagnostics. */
@NullMarked
package dev.atelier.codeintel.internal.navigate;

import org.jspecify.annotations.NullMarked;
