/**
 * Real-time delivery: server-sent events and WebSocket sessions, topics, replay, the cross-node
 * bus, webhooks.
 */
@NullMarked
package dev.atelier.events;

import org.jspecify.annotations.NullMarked;
