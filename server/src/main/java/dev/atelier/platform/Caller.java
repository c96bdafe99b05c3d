package dev.atelier.platform;

import static java.util.Objects.requireNonNull;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who a request acts for, as the one authentication chain established it: the org every org-scoped
 * read and write of the request is confined to, the acting user, the user's role in that org and
 * how the caller proved itself. Local mode has one implicit owner (user 1) in org 1 ({@code
 * local}).
 *
 * @param orgId the org the request is scoped to
 * @param userId the acting user
 * @param role the user's role in the org (an API key may narrow it further)
 * @param credential how the caller authenticated
 */
public record Caller(long orgId, long userId, Role role, Credential credential) {

  /** The org of local mode, made by the first migration. */
  public static final long LOCAL_ORG = 1;

  /** The implicit owner of a local install, made by the accounts migration. */
  public static final long LOCAL_OWNER = 1;

  public Caller {
    requireNonNull(role, "role is null");
    requireNonNull(credential, "credential is null");
  }

  /** How a caller proved who it is. */
  public enum Credential {
    /** The browser session cookie set by a one-time login link (local mode). */
    SESSION,
    /** The install's bearer token ({@code atelier token}), for scripts, the CLI and MCP. */
    INSTALL_TOKEN,
    /** An API key ({@code atl_...}), narrowed to its scopes. */
    API_KEY,
    /**
     * An API key made as an agent key: roles and scopes as {@link #API_KEY}, but what it does is
     * recorded as done by an agent (its messages carry the agent badge, the audit trail says so).
     */
    AGENT_KEY,
    /** An access token (JWT) issued by signing in. */
    ACCESS_TOKEN
  }

  /** The implicit owner of a local install. */
  public static Caller localOwner(Credential credential) {
    return new Caller(LOCAL_ORG, LOCAL_OWNER, Role.OWNER, credential);
  }

  /**
   * The caller of the request on this thread, as the authentication chain established it: the one
   * tenancy context every org-scoped handler reads its org from. Refused (401) without one.
   */
  public static Caller current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
      return caller;
    }
    throw new AtelierException(PlatformError.UNAUTHENTICATED, "sign in first");
  }

  /** A stable name of the actor as the audit trail and rate limits key it. */
  public String subject() {
    return Long.toString(userId);
  }
}
