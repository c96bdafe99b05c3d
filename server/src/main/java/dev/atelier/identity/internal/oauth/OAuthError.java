package dev.atelier.identity.internal.oauth;

import dev.atelier.platform.ErrorCode;

/** Error codes of OAuth sign-in and linking. */
enum OAuthError implements ErrorCode {
  PROVIDER_NOT_FOUND("oauth-provider-not-found", 404, "No such sign-in provider is configured"),
  LINK_REFUSED("oauth-link-refused", 403, "This caller cannot link a sign-in provider");

  private final Spec spec;

  OAuthError(String code, int httpStatus, String title) {
    this.spec = new Spec(code, httpStatus, title);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
