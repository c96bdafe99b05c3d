package dev.atelier.codeintel;

import dev.atelier.platform.ErrorCode;

/** Error codes of the code-intelligence module. */
public enum CodeIntelError implements ErrorCode {
  INVALID_QUERY("invalid-query", 400, "Invalid search query"),
  INVALID_CURSOR("invalid-cursor", 400, "Invalid search cursor"),
  QUERY_TOO_EXPENSIVE("query-too-expensive", 422, "The search took too long"),
  NOT_INDEXED("not-indexed", 409, "The branch has not been indexed yet"),
  INVALID_POSITION("invalid-position", 400, "No such position in the file"),
  FILE_NOT_FOUND("file-not-found", 404, "No such file or folder in the branch"),
  BINARY_FILE("binary-file", 415, "The file is binary and has no text to show"),
  FILE_TOO_LARGE("file-too-large", 413, "The file is too large to show"),
  SEARCH_BUSY("search-busy", 503, "Too many regular-expression searches at once");

  private final Spec spec;

  CodeIntelError(String code, int httpStatus, String title) {
    this.spec = new Spec(code, httpStatus, title);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
