package dev.atelier.codeintel;

import dev.atelier.platform.ErrorCode;

/** Error codes of the code-intelligence module. */
public enum CodeIntelError implements ErrorCode {
  INVALID_QUERY("invalid-query", 400, "Invalid search query"),
  QUERY_TOO_EXPENSIVE("query-too-expensive", 422, "The search took too long"),
  NOT_INDEXED("not-indexed", 409, "The branch has not been indexed yet"),
  UNKNOWN_FILE("unknown-file", 404, "No such file in the branch"),
  INVALID_POSITION("invalid-position", 400, "No such position in the file");

  private final Spec spec;

  CodeIntelError(String code, int httpStatus, String title) {
    this.spec = new Spec(code, httpStatus, title);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
