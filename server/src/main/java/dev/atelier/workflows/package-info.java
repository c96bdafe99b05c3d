/**
 * Workflow definitions and runs, the planner, coder, tester and reviewer agents, worktree
 * sandboxes.
 */
@NullMarked
package dev.atelier.workflows;

import org.jspecify.annotations.NullMarked;
