/**
 * Shared kernel: settings and run mode, storage (SQLite or PostgreSQL, migrated by Flyway), the
 * service back ends, error codes that become RFC 9457 problems, and the web plumbing.
 */
@NullMarked
package dev.atelier.platform;

import org.jspecify.annotations.NullMarked;
