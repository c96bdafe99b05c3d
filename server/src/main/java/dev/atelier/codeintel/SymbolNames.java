package dev.atelier.codeintel;

/**
 * How people write symbol names across languages: {@code a.b.C}, {@code a::b::C}, {@code C#m},
 * {@code pkg/path.Func}. The simple name is what follows the last separator.
 */
final class SymbolNames {

  private static final String SEPARATORS = ".:#/\\";

  private SymbolNames() {}

  /** {@code checkNotNull} for {@code Preconditions.checkNotNull}, {@code x} for {@code a::x}. */
  static String lastSegment(String name) {
    int end = name.length();
    while (end > 0 && SEPARATORS.indexOf(name.charAt(end - 1)) >= 0) {
      end--;
    }
    int start = end;
    while (start > 0 && SEPARATORS.indexOf(name.charAt(start - 1)) < 0) {
      start--;
    }
    return name.substring(start, end);
  }

  /**
   * Whether {@code qualifiedName} is {@code query}, or ends with it right after a separator, with
   * {@code ::}, {@code #} and {@code /} read as {@code .}.
   */
  static boolean qualifiedMatches(String qualifiedName, String query) {
    String name = normalise(qualifiedName);
    String wanted = normalise(query);
    return name.equals(wanted)
        || (name.endsWith(wanted) && name.charAt(name.length() - wanted.length() - 1) == '.');
  }

  private static String normalise(String name) {
    return name.replace("::", ".").replace('#', '.').replace('/', '.').replace('\\', '.');
  }
}
