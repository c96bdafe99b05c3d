/** Spring wiring of the memory module for {@code serve}. */
@NullMarked
package dev.atelier.memory.internal.web;

import org.jspecify.annotations.NullMarked;
