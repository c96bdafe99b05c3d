package dev.atelier.codeintel;

/** One nearest neighbour: a chunk and its cosine similarity to the query (1 is identical). */
public record VectorHit(long chunkId, float score) {}
