package dev.atelier.repos;

/** What a source says about one path: a file to index, or why it left the path out. */
public sealed interface SourceEntry permits SourceFile, SkippedFile {}
