package dev.atelier.codeintel;

/**
 * What a resolved reference's confidence says about how it was found. Resolution stores a link made
 * by name alone (a member called on a receiver whose type is unknown, or a name found anywhere in
 * the branch) at {@link #NAME_ONLY} or less, and every other link above {@link #GUESS_BELOW}, so
 * the stored number alone tells a guess from a resolution.
 */
public final class ReferenceConfidence {

  /** The confidence of a name-only link, shared among its candidates (at most four). */
  public static final double NAME_ONLY = 0.1;

  /**
   * Below this a link is a guess: above {@link #NAME_ONLY} (stored as float4 in PostgreSQL) and
   * below the weakest resolution, 0.9 shared by eight overloads.
   */
  public static final double GUESS_BELOW = 0.11;

  private ReferenceConfidence() {}

  /** Whether a link of this confidence is a guess by name alone. */
  public static boolean nameOnly(double confidence) {
    return confidence < GUESS_BELOW;
  }
}
