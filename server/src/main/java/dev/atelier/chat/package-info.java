/** Channels, threads, messages with edit history, reactions and mentions. */
@NullMarked
package dev.atelier.chat;

import org.jspecify.annotations.NullMarked;
