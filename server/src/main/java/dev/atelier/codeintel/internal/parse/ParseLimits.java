package dev.atelier.codeintel.internal.parse;

/**
 * Guards against pathological input.
 *
 * @param maxBytes files larger than this (UTF-8) are not parsed; they yield an empty result
 * @param timeoutMicros parse + query time budget per file; past it the file yields what was found
 * @param maxErrors at most this many ERROR/MISSING ranges are reported
 * @param maxMatches at most this many query matches are read per file
 */
public record ParseLimits(int maxBytes, long timeoutMicros, int maxErrors, int maxMatches) {

  public static final ParseLimits DEFAULT = new ParseLimits(4 << 20, 10_000_000L, 50, 500_000);
}
