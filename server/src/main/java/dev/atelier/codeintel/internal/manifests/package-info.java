/** Build-manifest parsers (Maven, Gradle, npm, Go, Python, Cargo, Bundler, Composer, NuGet). */
@NullMarked
package dev.atelier.codeintel.internal.manifests;

import org.jspecify.annotations.NullMarked;
