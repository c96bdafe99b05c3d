/**
 * Notes, the task board, the entity graph and its auto-links, session state, activity and digests.
 */
@NullMarked
package dev.atelier.knowledge;

import org.jspecify.annotations.NullMarked;
