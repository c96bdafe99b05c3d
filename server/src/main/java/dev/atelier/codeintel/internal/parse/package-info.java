/**
 * The tree-sitter parsing layer behind {@link dev.atelier.codeintel.CodeParser}: query loading, the
 * backend-neutral match decoder ({@link dev.atelier.codeintel.internal.parse.Extractor}), the
 * bonede JNI fallback backend and, compiled for Java 22 from {@code src/main/java22}, the FFM
 * backend over the -O2 natives built by {@code server/natives/build-natives.sh}.
 */
@NullMarked
package dev.atelier.codeintel.internal.parse;

import org.jspecify.annotations.NullMarked;
