package dev.atelier.codeintel;

/**
 * One matching line.
 *
 * @param path the file
 * @param line 1-based line number
 * @param column 0-based character offset of the first match in the line
 * @param length the first match's length in characters
 * @param text the line, cut to a readable length
 */
public record TextMatch(String path, int line, int column, int length, String text) {}
