/** Storage and ranking behind {@link dev.atelier.memory.Learnings}. */
@NullMarked
package dev.atelier.memory.internal;

import org.jspecify.annotations.NullMarked;
