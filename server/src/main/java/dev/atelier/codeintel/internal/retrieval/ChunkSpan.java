package dev.atelier.codeintel.internal.retrieval;

/** An embedded chunk close to the query: its file, lines and cosine similarity. */
record ChunkSpan(int file, int startLine, int endLine, float score) {}
