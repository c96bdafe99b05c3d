package dev.atelier.codeintel;

/** Creates the parser with the best natives available. */
public final class CodeParsers {

  private CodeParsers() {}

  /** Placeholder until the tree-sitter layer lands on main. */
  public static CodeParser create() {
    throw new UnsupportedOperationException("the tree-sitter parsing layer is not merged yet");
  }
}
