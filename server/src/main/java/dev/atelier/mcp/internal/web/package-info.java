/**
 * The tools over HTTP under {@code serve}: MCP (streamable HTTP) at {@code /mcp} behind a bearer
 * token and Origin/Host checks, and REST at {@code /api/tools} and {@code /api/repos/{id}/tools}.
 */
@NullMarked
package dev.atelier.mcp.internal.web;

import org.jspecify.annotations.NullMarked;
