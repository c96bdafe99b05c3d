package dev.atelier.identity.internal.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.atelier.identity.IdentityError;
import dev.atelier.platform.AtelierException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Access tokens: JWTs signed with HS256 under a {@link SigningKeys} key named in the header's
 * {@code kid}, issued for one user in one org ({@code org}) within one sign-in session ({@code
 * sid}). Anything else — another algorithm (including {@code none}), an unknown kid, a bad
 * signature, another issuer, an expired token — is refused with one 401 message.
 */
public final class AccessTokens {

  static final String ISSUER = "atelier";

  /**
   * The audience of an event-stream ticket: an access token for {@code GET /api/events} and {@code
   * /api/ws} only, which a browser must put in the URL (EventSource and WebSocket send no headers).
   */
  static final String EVENTS_AUDIENCE = "atelier-events";

  private static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");

  /** What a valid access token says. */
  public record Claims(long userId, long orgId, String sessionId, Instant expiresAt) {}

  /** A token just issued. */
  public record Issued(String token, Instant expiresAt) {}

  private final SigningKeys keys;
  private final Clock clock;
  private final Duration lifetime;

  public AccessTokens(SigningKeys keys, Clock clock, Duration lifetime) {
    this.keys = keys;
    this.clock = clock;
    this.lifetime = lifetime;
  }

  public Duration lifetime() {
    return lifetime;
  }

  /** Whether a bearer has the shape of a JWT (three base64url parts). */
  public static boolean looksLikeJwt(String bearer) {
    return bearer.startsWith("ey") && bearer.chars().filter(c -> c == '.').count() == 2;
  }

  public Issued issue(long userId, long orgId, String sessionId) {
    return issue(userId, orgId, sessionId, lifetime, null);
  }

  /** A ticket for the event streams of the same session, short-lived and good for nothing else. */
  public Issued issueTicket(long userId, long orgId, String sessionId, Duration ticketLifetime) {
    return issue(userId, orgId, sessionId, ticketLifetime, EVENTS_AUDIENCE);
  }

  private Issued issue(
      long userId, long orgId, String sessionId, Duration validFor, @Nullable String audience) {
    SigningKeys.SigningKey key = keys.signing();
    Instant now = clock.instant();
    Instant expires = now.plus(validFor);
    JWTClaimsSet.Builder builder =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject(Long.toString(userId))
            .claim("org", orgId)
            .claim("sid", sessionId)
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(expires));
    if (audience != null) {
      builder.audience(audience);
    }
    JWTClaimsSet claims = builder.build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.kid()).type(TYPE).build(), claims);
    try {
      jwt.sign(new MACSigner(key.secret()));
    } catch (JOSEException e) {
      throw new IllegalStateException("signing an access token failed", e);
    }
    return new Issued(jwt.serialize(), expires);
  }

  /** An access token's claims; a ticket is refused here. */
  public Claims verify(String token) {
    return verify(token, null);
  }

  /** A ticket's claims; an access token is refused here. */
  public Claims verifyTicket(String token) {
    return verify(token, EVENTS_AUDIENCE);
  }

  private Claims verify(String token, @Nullable String audience) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      JWSHeader header = jwt.getHeader();
      if (!JWSAlgorithm.HS256.equals(header.getAlgorithm()) || header.getKeyID() == null) {
        throw invalid("the access token is not signed the way Atelier signs");
      }
      SigningKeys.SigningKey key =
          keys.verifying(header.getKeyID())
              .orElseThrow(() -> invalid("the access token's signing key is unknown or retired"));
      if (!jwt.verify(new MACVerifier(key.secret()))) {
        throw invalid("the access token's signature does not match");
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Date expires = claims.getExpirationTime();
      Object org = claims.getClaim("org");
      String sid = claims.getStringClaim("sid");
      if (!ISSUER.equals(claims.getIssuer())
          || expires == null
          || !(org instanceof Number orgNumber)
          || sid == null
          || claims.getSubject() == null) {
        throw invalid("the access token lacks Atelier's claims");
      }
      List<String> audiences = claims.getAudience();
      if (audience == null ? !audiences.isEmpty() : !audiences.equals(List.of(audience))) {
        throw invalid(
            audience == null
                ? "an event-stream ticket is good for /api/events and /api/ws only"
                : "not an event-stream ticket (POST /api/auth/ticket makes one)");
      }
      if (!clock.instant().isBefore(expires.toInstant())) {
        throw invalid("the access token has expired; refresh it at /api/auth/refresh");
      }
      return new Claims(
          Long.parseLong(claims.getSubject()), orgNumber.longValue(), sid, expires.toInstant());
    } catch (ParseException | JOSEException | NumberFormatException e) {
      throw invalid("the access token is malformed");
    }
  }

  private static AtelierException invalid(String message) {
    return new AtelierException(IdentityError.UNAUTHORIZED, message);
  }
}
