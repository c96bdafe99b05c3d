/** The tools of seed 000, one class each, answering over the code-intelligence core. */
@NullMarked
package dev.atelier.mcp.tools;

import org.jspecify.annotations.NullMarked;
