/**
 * The AI gateway: providers, routing and work profiles, prompt templates and history, cache, usage
 * and cost.
 */
@NullMarked
package dev.atelier.ai;

import org.jspecify.annotations.NullMarked;
