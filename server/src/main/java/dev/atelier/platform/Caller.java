package dev.atelier.platform;

import static java.util.Objects.requireNonNull;

/**
 * Who a request acts for, as the one authentication chain established it: the org every org-scoped
 * read and write of the request is confined to, the acting subject and how it proved itself. Local
 * mode has one implicit owner in org 1 ({@code local}).
 *
 * @param orgId the org the request is scoped to
 * @param subject a stable name of the actor (a user id, or {@code local-owner})
 * @param credential how the caller authenticated
 */
public record Caller(long orgId, String subject, Credential credential) {

  /** The org of local mode, made by the first migration. */
  public static final long LOCAL_ORG = 1;

  public Caller {
    requireNonNull(subject, "subject is null");
    requireNonNull(credential, "credential is null");
  }

  /** How a caller proved who it is. */
  public enum Credential {
    /** The browser session cookie set by a one-time login link. */
    SESSION,
    /** The install's bearer token ({@code atelier token}), for scripts, the CLI and MCP. */
    INSTALL_TOKEN,
    /** An API key ({@code atl_...}), narrowed to its scopes. */
    API_KEY
  }

  /** The implicit owner of a local install. */
  public static Caller localOwner(Credential credential) {
    return new Caller(LOCAL_ORG, "local-owner", credential);
  }
}
