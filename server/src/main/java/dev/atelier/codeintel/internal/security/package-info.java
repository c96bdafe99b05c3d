/** Pattern rules for hard-coded secrets and dangerous calls, run over a branch's stored text. */
@NullMarked
package dev.atelier.codeintel.internal.security;

import org.jspecify.annotations.NullMarked;
