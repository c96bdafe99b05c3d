package dev.atelier.identity.internal.web;

import dev.atelier.identity.IdentityError;
import dev.atelier.identity.internal.CallerAuthentication;
import dev.atelier.identity.internal.token.AccessTokens;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Caller;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.time.Instant;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/auth/ticket}: a ticket for the event streams. A browser's EventSource and
 * WebSocket cannot send the bearer header, so they pass this instead as {@code ?ticket=}: an access
 * token of the same session that lives one minute and is refused everywhere but {@code GET
 * /api/events}, {@code /events} and {@code /api/ws}.
 */
@RestController
class EventTicketController {

  static final Duration LIFETIME = Duration.ofMinutes(1);

  record Ticket(String ticket, Instant expiresAt) {}

  private final AccessTokens tokens;

  EventTicketController(AccessTokens tokens) {
    this.tokens = tokens;
  }

  @PostMapping("/api/auth/ticket")
  @Operation(
      summary = "A one-minute ticket for the event streams (?ticket= on /api/events, /api/ws)",
      description =
          "Needs an access token from signing in; API keys and the install token send their"
              + " header to the streams directly.")
  Ticket ticket(Caller caller) {
    CallerAuthentication current = CallerArguments.current();
    String sessionId = current.sessionId();
    if (sessionId == null) {
      throw new AtelierException(
          IdentityError.UNAUTHORIZED,
          "tickets are for signed-in sessions; send your API key or token as the Authorization"
              + " header instead");
    }
    AccessTokens.Issued issued =
        tokens.issueTicket(caller.userId(), caller.orgId(), sessionId, LIFETIME);
    return new Ticket(issued.token(), issued.expiresAt());
  }
}
