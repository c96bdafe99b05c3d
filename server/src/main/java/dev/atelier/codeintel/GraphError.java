package dev.atelier.codeintel;

import dev.atelier.platform.ErrorCode;

/** Errors of the graph analyses: names that are not in the branch's graph. */
public enum GraphError implements ErrorCode {
  UNKNOWN_FILE("unknown-file", 404, "No such file in the branch"),
  UNKNOWN_SYMBOL("unknown-symbol", 404, "No such symbol in the branch");

  private final Spec spec;

  GraphError(String code, int httpStatus, String title) {
    this.spec = new Spec(code, httpStatus, title);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
