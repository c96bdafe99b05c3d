package dev.atelier.memory;

/**
 * A learning recall found, with why.
 *
 * @param learning the learning
 * @param score relevance times confidence, the order of recall
 * @param textMatch how well its words match the query, in [0, 1] (0 without a query)
 * @param scopeMatch how closely its scope matches the files, in [0, 1] (0 without files)
 */
public record RecalledLearning(
    Learning learning, double score, double textMatch, double scopeMatch) {}
