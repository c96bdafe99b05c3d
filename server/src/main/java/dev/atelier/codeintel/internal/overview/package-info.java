/**
 * Project summary and observed conventions behind {@link dev.atelier.codeintel.RepositoryOverview}.
 */
@NullMarked
package dev.atelier.codeintel.internal.overview;

import org.jspecify.annotations.NullMarked;
