/** Channels, messages and message search over HTTP. */
@NullMarked
package dev.atelier.chat.internal.web;

import org.jspecify.annotations.NullMarked;
