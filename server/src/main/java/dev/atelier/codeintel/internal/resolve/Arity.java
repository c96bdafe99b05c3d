package dev.atelier.codeintel.internal.resolve;

import dev.atelier.codeintel.Language;
import dev.atelier.codeintel.SymbolKind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many arguments a definition takes, where a language tells overloads apart by that (Java):
 * {@code n >= 0} exactly n, {@link #UNKNOWN}, or a varargs method of n parameters as {@code VARARGS
 * - n} (n - 1 or more arguments). A call with a known argument count keeps only the overloads that
 * take it, so {@code checkNotNull(x)} is not also a link to the two- and three-argument forms.
 */
final class Arity {

  static final int UNKNOWN = -1;
  private static final int VARARGS = -2;

  private Arity() {}

  /** The arity a definition's signature declares; {@link #UNKNOWN} where it is not counted. */
  static int of(Language language, SymbolKind kind, String signature) {
    if (language != Language.JAVA
        || (kind != SymbolKind.METHOD
            && kind != SymbolKind.CONSTRUCTOR
            && kind != SymbolKind.FUNCTION)) {
      return UNKNOWN;
    }
    return parameters(signature);
  }

  private static final Pattern OPEN = Pattern.compile("[\\w$]\\s*\\(");

  /** Counts the first parameter list after a name: top-level commas, generics included. */
  static int parameters(String signature) {
    // skip annotations with arguments (@SuppressWarnings("x")) before the declaration's name
    Matcher m = OPEN.matcher(signature);
    int open = -1;
    while (m.find()) {
      int at = m.start();
      int word = at;
      while (word > 0 && Character.isJavaIdentifierPart(signature.charAt(word - 1))) {
        word--;
      }
      if (word == 0 || signature.charAt(word - 1) != '@') {
        open = m.end() - 1;
        break;
      }
    }
    if (open < 0) {
      return UNKNOWN;
    }
    int depth = 0;
    int commas = 0;
    boolean any = false;
    boolean varargs = false;
    for (int i = open + 1; i < signature.length(); i++) {
      char c = signature.charAt(i);
      switch (c) {
        case '(', '<', '[', '{' -> depth++;
        case ')' -> {
          if (depth == 0) {
            int n = any ? commas + 1 : 0;
            return varargs ? VARARGS - n : n;
          }
          depth--;
        }
        case '>', ']', '}' -> depth--;
        case ',' -> commas += depth == 0 ? 1 : 0;
        case '.' -> varargs |= depth == 0 && signature.startsWith("...", i);
        default -> {}
      }
      if (!Character.isWhitespace(c)) {
        any = true;
      }
    }
    return UNKNOWN;
  }

  private static boolean exact(ResolutionCore core, Target t, int arguments) {
    return core.file(t.file()).symbols().get(t.symbol()).arity() == arguments;
  }

  /** Whether a definition of this arity takes {@code arguments} arguments. */
  static boolean accepts(int arity, int arguments) {
    if (arity == UNKNOWN || arguments < 0) {
      return true;
    }
    if (arity >= 0) {
      return arity == arguments;
    }
    return arguments >= VARARGS - arity - 1;
  }

  /**
   * The targets whose arity takes the call's arguments, sharing the confidence the stage gave them
   * all; all of them when none or every one does.
   */
  static List<Target> narrow(List<Target> targets, int arguments, ResolutionCore core) {
    if (arguments < 0 || targets.size() < 2) {
      return targets;
    }
    List<Target> kept = new ArrayList<>(targets.size());
    double total = 0;
    for (Target t : targets) {
      total += t.confidence();
      if (accepts(core.file(t.file()).symbols().get(t.symbol()).arity(), arguments)) {
        kept.add(t);
      }
    }
    // an exact count wins over varargs, as in the compiler's first phases
    if (kept.stream().anyMatch(t -> exact(core, t, arguments))) {
      kept.removeIf(t -> !exact(core, t, arguments));
    }
    if (kept.isEmpty() || kept.size() == targets.size()) {
      return targets;
    }
    List<Target> out = new ArrayList<>(kept.size());
    for (Target t : kept) {
      out.add(new Target(t.file(), t.symbol(), total / kept.size()));
    }
    return out;
  }
}
