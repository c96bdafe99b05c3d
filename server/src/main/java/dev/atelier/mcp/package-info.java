/**
 * The MCP server: the code-intelligence tools of seed 000 and the team chat tools for assistants,
 * over stdio ({@code atelier mcp}) and streamable HTTP ({@code /mcp} under {@code serve}). One
 * adapter per module API.
 */
@NullMarked
package dev.atelier.mcp;

import org.jspecify.annotations.NullMarked;
