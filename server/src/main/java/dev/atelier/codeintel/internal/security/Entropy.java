package dev.atelier.codeintel.internal.security;

/** Shannon entropy of a string's characters, in bits per character. */
final class Entropy {

  private Entropy() {}

  static double shannon(String s) {
    if (s.isEmpty()) {
      return 0;
    }
    java.util.Map<Character, Integer> counts = new java.util.HashMap<>();
    for (int i = 0; i < s.length(); i++) {
      counts.merge(s.charAt(i), 1, Integer::sum);
    }
    double entropy = 0;
    for (int count : counts.values()) {
      double p = (double) count / s.length();
      entropy -= p * (Math.log(p) / Math.log(2));
    }
    return entropy;
  }
}
