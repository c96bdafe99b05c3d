package dev.atelier.codeintel.internal.search;

/**
 * A matching line as the evaluation step finds it, before ranking: small, because a search keeps
 * every one of them to count and page through.
 *
 * @param file the index of the file in the search's list of matched files
 * @param line 1-based line number
 * @param column 0-based offset of the first match in the line
 * @param length the first match's length
 * @param text the line, cut to a readable length
 */
record FoundLine(int file, int line, int column, int length, String text) {}
