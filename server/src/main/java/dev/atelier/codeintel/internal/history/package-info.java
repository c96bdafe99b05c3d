/**
 * Git history behind {@link dev.atelier.codeintel.ChangeHistory}: one JGit walk per head commit
 * yields per-file churn and, per commit, the files it touched (co-change is counted from those on
 * demand), kept in a small in-memory cache.
 */
@NullMarked
package dev.atelier.codeintel.internal.history;

import org.jspecify.annotations.NullMarked;
