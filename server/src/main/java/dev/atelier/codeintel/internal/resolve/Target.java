package dev.atelier.codeintel.internal.resolve;

/**
 * A definition a reference resolves to: a file of the branch (by index), the symbol's ordinal in
 * it, and how sure the resolver is (the stage's confidence, split between candidates).
 */
public record Target(int file, int symbol, double confidence) {}
