package dev.atelier.identity.internal;

import dev.atelier.platform.Caller;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated {@link Caller} as Spring Security holds it for the request. */
public final class CallerAuthentication extends AbstractAuthenticationToken {

  private final Caller caller;
  private final @Nullable String sessionId;

  public CallerAuthentication(Caller caller, @Nullable String sessionId) {
    super(List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name())));
    this.caller = caller;
    this.sessionId = sessionId;
    setAuthenticated(true);
  }

  /** The sign-in session of an access token; none for other credentials. */
  public @Nullable String sessionId() {
    return sessionId;
  }

  @Override
  public Caller getPrincipal() {
    return caller;
  }

  @Override
  public Object getCredentials() {
    // The credential itself is never kept past the check.
    return "";
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof CallerAuthentication that && caller.equals(that.caller);
  }

  @Override
  public int hashCode() {
    return caller.hashCode();
  }
}
