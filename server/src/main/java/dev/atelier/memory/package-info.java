/** Learnings about a repository: recall, record, list and feedback-driven confidence. */
@NullMarked
package dev.atelier.memory;

import org.jspecify.annotations.NullMarked;
