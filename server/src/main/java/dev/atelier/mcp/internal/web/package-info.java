/**
 * The tools over HTTP under {@code serve}: MCP (streamable HTTP) at {@code /mcp} behind the
 * identity module's authentication chain, and REST at {@code /api/tools} and {@code
 * /api/repos/{id}/tools}.
 */
@NullMarked
package dev.atelier.mcp.internal.web;

import org.jspecify.annotations.NullMarked;
