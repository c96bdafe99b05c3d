package dev.atelier.codeintel;

import dev.atelier.codeintel.internal.parse.BonedeBackend;
import dev.atelier.codeintel.internal.parse.NativeLibrary;
import dev.atelier.codeintel.internal.parse.ParseLimits;
import dev.atelier.codeintel.internal.parse.RustItemMacros;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates {@link CodeParser}s, choosing the fastest tree-sitter natives this JVM can load. */
public final class CodeParsers {

  private static final Logger log = LoggerFactory.getLogger(CodeParsers.class);
  private static final String O2_CLASS = "dev.atelier.codeintel.internal.parse.O2Backend";

  /** Which natives parse. */
  public enum Backend {
    /**
     * The tree-sitter core and grammars compiled -O2 by the build, bound with jtreesitter (FFM);
     * needs Java 22+ and linux-x86_64.
     */
    TREE_SITTER_O2,
    /** The JNI natives in the {@code io.github.bonede} jars: slower, runs everywhere they do. */
    BONEDE
  }

  private CodeParsers() {}

  /**
   * The best backend available: {@link Backend#TREE_SITTER_O2} when this JVM is 22+ and the
   * optimised library ships with the application and loads; else {@link Backend#BONEDE}.
   */
  public static CodeParser create() {
    Optional<CodeParser> o2 = tryO2();
    return new RustItemMacros(o2.isPresent() ? o2.get() : new BonedeBackend(ParseLimits.DEFAULT));
  }

  /**
   * A parser on the given backend.
   *
   * @throws IllegalStateException when that backend cannot run here
   */
  public static CodeParser create(Backend backend) {
    return new RustItemMacros(
        switch (backend) {
          case BONEDE -> new BonedeBackend(ParseLimits.DEFAULT);
          case TREE_SITTER_O2 ->
              tryO2()
                  .orElseThrow(() ->
                      new IllegalStateException(
                          "the tree-sitter-o2 natives are unavailable: "
                              + NativeLibrary.unavailableReason()));
        });
  }

  /** Whether {@link Backend#TREE_SITTER_O2} can run in this JVM. */
  public static boolean o2Available() {
    return Runtime.version().feature() >= 22 && NativeLibrary.path().isPresent();
  }

  private static Optional<CodeParser> tryO2() {
    if (Runtime.version().feature() < 22) {
      NativeLibrary.unavailable("Java " + Runtime.version().feature() + " has no FFM (needs 22+)");
      return Optional.empty();
    }
    Optional<Path> library = NativeLibrary.path();
    if (library.isEmpty()) {
      return Optional.empty();
    }
    try {
      Object parser =
          Class.forName(O2_CLASS)
              .getConstructor(Path.class, ParseLimits.class)
              .newInstance(library.get(), ParseLimits.DEFAULT);
      return Optional.of((CodeParser) parser);
    } catch (InvocationTargetException e) {
      NativeLibrary.unavailable(String.valueOf(e.getCause()));
      log.warn("tree-sitter-o2 natives failed to load; parsing with bonede", e.getCause());
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      NativeLibrary.unavailable(e.toString());
      log.warn("tree-sitter-o2 backend unavailable; parsing with bonede: {}", e.toString());
    }
    return Optional.empty();
  }
}
