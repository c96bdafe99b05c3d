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
  NETWORK_BIND_REFUSED("network-bind-refused", 500, "Listening beyond loopback needs login"),
  LOGIN_FAILED("login-failed", 401, "Wrong email or password"),
  INVALID_ACCOUNT("invalid-account-field", 422, "An account field is not valid"),
  WEAK_PASSWORD("weak-password", 422, "The password is too weak"),
  ACCOUNT_EXISTS("account-exists", 409, "An account with this email exists"),
  REGISTRATION_CLOSED("registration-closed", 403, "Registration is closed"),
  CODE_INVALID("code-invalid", 400, "The link is not valid"),
  LAST_OWNER("last-owner", 409, "An org needs an owner"),
  ORG_NOT_FOUND("org-not-found", 404, "No such org"),
  MEMBER_NOT_FOUND("member-not-found", 404, "No such member"),
  ALREADY_MEMBER("already-member", 409, "Already a member"),
  INVITATION_NOT_FOUND("invitation-not-found", 404, "No such invitation"),
  PROJECT_NOT_FOUND("project-not-found", 404, "No such project"),
  PROJECT_EXISTS("project-exists", 409, "A project with this name exists"),
  SESSION_NOT_FOUND("session-not-found", 404, "No such session"),
  CSRF_REFUSED("csrf-refused", 403, "Cookie request without the CSRF header");

  private final Spec spec;

  IdentityError(String code, int httpStatus, String title) {
    this.spec = new Spec(code, httpStatus, title);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
