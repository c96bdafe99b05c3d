package dev.atelier.codeintel;

import dev.atelier.platform.ErrorCode;

/** Error codes of the code-intelligence module. */
public enum CodeIntelError implements ErrorCode {
  INVALID_QUERY("invalid-query", 400, "Invalid search query"),
  QUERY_TOO_EXPENSIVE("query-too-expensive", 422, "The search took too long"),
  NOT_INDEXED("not-indexed", 409, "The branch has not been indexed yet");

  private final String code;
  private final int httpStatus;
  private final String title;

  CodeIntelError(String code, int httpStatus, String title) {
    this.code = code;
    this.httpStatus = httpStatus;
    this.title = title;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public int httpStatus() {
    return httpStatus;
  }

  @Override
  public String title() {
    return title;
  }
}
