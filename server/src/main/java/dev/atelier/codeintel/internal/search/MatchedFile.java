package dev.atelier.codeintel.internal.search;

/**
 * A file with at least one matching line.
 *
 * @param path the file's path
 * @param blobId its content, for the definitions on its lines
 * @param test whether it is a test, test data or vendored code: ranked after the rest
 */
record MatchedFile(String path, long blobId, boolean test) {}
