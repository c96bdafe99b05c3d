/** The chat module's stores and search; its HTTP API is in {@code web}. */
@NullMarked
package dev.atelier.chat.internal;

import org.jspecify.annotations.NullMarked;
