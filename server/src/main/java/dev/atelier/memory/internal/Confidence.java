package dev.atelier.memory.internal;

/**
 * The confidence rule, an exponential moving update bounded in (0, 1): helpful moves confidence
 * {@value #RISE} of the way to 1, unhelpful keeps {@value #KEEP} of it. Being multiplicative it
 * never leaves [0, 1], recent feedback weighs most, and a learning that was helpful many times
 * takes several unhelpful marks to fall below {@value #FLOOR}.
 */
public final class Confidence {

  public static final double INITIAL = 0.7;
  public static final double FLOOR = 0.2;
  public static final double RISE = 0.25;
  public static final double KEEP = 0.65;

  private Confidence() {}

  /** The SQL expression of the new confidence, written so both dialects compute it in place. */
  static String update(boolean helpful) {
    return helpful ? "confidence + " + RISE + " * (1 - confidence)" : "confidence * " + KEEP;
  }

  public static double after(double confidence, boolean helpful) {
    return helpful ? confidence + RISE * (1 - confidence) : confidence * KEEP;
  }
}
