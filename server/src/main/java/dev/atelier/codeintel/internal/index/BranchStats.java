package dev.atelier.codeintel.internal.index;

import java.util.Map;

/** Totals over the files of one manifest. */
public record BranchStats(
    long files,
    Map<String, Long> filesByLanguage,
    long symbols,
    long references,
    long imports,
    long chunks,
    long embeddedChunks,
    long filesWithSyntaxErrors) {}
