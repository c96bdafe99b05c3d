package dev.atelier.memory;

import dev.atelier.platform.ErrorCode;

/** Error codes of the memory module. */
public enum MemoryError implements ErrorCode {
  INVALID_LEARNING("invalid-learning", 400, "Invalid learning"),
  LEARNING_NOT_FOUND("learning-not-found", 404, "Learning not found");

  private final Spec spec;

  MemoryError(String code, int httpStatus, String title) {
    this.spec = new Spec(code, httpStatus, title);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
