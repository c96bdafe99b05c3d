package dev.atelier.identity.internal.token;

import dev.atelier.identity.IdentityError;
import dev.atelier.identity.internal.account.Orgs;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Caller;
import dev.atelier.platform.Role;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Admits a request by its access token: the signature and expiry, then what the server knows now —
 * the session not revoked and the user still a member of the token's org, with the role they have
 * now. That state is read from the shared database at most once a second per session and node, so a
 * logout, a removed member or a changed role holds on every node within a second.
 */
public final class AccessGate {

  private static final Duration FRESH_FOR = Duration.ofSeconds(1);
  private static final int MAX_ENTRIES = 50_000;

  private record Standing(Optional<Role> role, boolean active, long until) {}

  private final AccessTokens tokens;
  private final AuthSessions sessions;
  private final Orgs orgs;
  private final Map<String, Standing> recent = new ConcurrentHashMap<>();

  public AccessGate(AccessTokens tokens, AuthSessions sessions, Orgs orgs) {
    this.tokens = tokens;
    this.sessions = sessions;
    this.orgs = orgs;
  }

  /** The caller an access token stands for; a 401 problem when it no longer stands. */
  public Admitted admit(String token) {
    return admit(tokens.verify(token));
  }

  /** The caller an event-stream ticket stands for, checked like an access token. */
  public Admitted admitTicket(String ticket) {
    return admit(tokens.verifyTicket(ticket));
  }

  private Admitted admit(AccessTokens.Claims claims) {
    String key = claims.sessionId() + ':' + claims.orgId() + ':' + claims.userId();
    long now = System.nanoTime();
    Standing standing = recent.get(key);
    if (standing == null || now - standing.until() >= 0) {
      standing =
          new Standing(
              orgs.role(claims.orgId(), claims.userId()),
              sessions.isActive(claims.sessionId()),
              now + FRESH_FOR.toNanos());
      if (recent.size() > MAX_ENTRIES) {
        recent.clear();
      }
      recent.put(key, standing);
    }
    if (!standing.active()) {
      throw new AtelierException(
          IdentityError.UNAUTHORIZED, "this session has ended (signed out or revoked)");
    }
    Role role =
        standing
            .role()
            .orElseThrow(() ->
                new AtelierException(
                    IdentityError.UNAUTHORIZED,
                    "you are no longer a member of the org this token is for"));
    return new Admitted(
        new Caller(claims.orgId(), claims.userId(), role, Caller.Credential.ACCESS_TOKEN),
        claims.sessionId());
  }

  /** This node forgets what it knew of a session at once (its own revocations). */
  public void forget(String sessionId) {
    recent.keySet().removeIf(key -> key.startsWith(sessionId + ':'));
  }

  /** A caller admitted by an access token, and the session it belongs to. */
  public record Admitted(Caller caller, String sessionId) {}
}
