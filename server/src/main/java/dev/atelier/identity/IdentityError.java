package dev.atelier.identity;

import dev.atelier.platform.ErrorCode;

/** Error codes of authentication: who may call, from where. */
public enum IdentityError implements ErrorCode {
  UNAUTHORIZED("unauthorized", 401, "Authentication required"),
  FORBIDDEN_ORIGIN("forbidden-origin", 403, "Request from a foreign origin or host"),
  FORBIDDEN("forbidden", 403, "Not allowed for this caller"),
  KEY_NOT_FOUND("api-key-not-found", 404, "No such API key"),
  RATE_LIMITED("rate-limited", 429, "Too many requests"),
  LOGIN_CODE_INVALID("login-code-invalid", 401, "Login link expired or already used"),
  NETWORK_BIND_REFUSED("network-bind-refused", 500, "Listening beyond loopback needs login");

  private final Spec spec;

  IdentityError(String code, int httpStatus, String title) {
    this.spec = new Spec(code, httpStatus, title);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
