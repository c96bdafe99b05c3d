/**
 * Repositories, branches, manifests and content-addressed blobs, git import, change notifications,
 * the debouncer.
 */
@NullMarked
package dev.atelier.repos;

import org.jspecify.annotations.NullMarked;
