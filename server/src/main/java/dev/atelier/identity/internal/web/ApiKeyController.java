package dev.atelier.identity.internal.web;

import dev.atelier.audit.AuditEvent;
import dev.atelier.identity.IdentityError;
import dev.atelier.identity.internal.ApiKeyScope;
import dev.atelier.identity.internal.ApiKeys;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Caller;
import dev.atelier.platform.PlatformError;
import dev.atelier.platform.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API keys of the caller's org: made (the secret shown once), listed, revoked. */
@RestController
@RequestMapping("/api/keys")
@Tag(name = "api keys", description = "Keys for scripts, the CLI and MCP, narrowed by scopes")
class ApiKeyController {

  private static final int MAX_DAYS = 3650;

  private final ApiKeys keys;
  private final ApplicationEventPublisher events;

  ApiKeyController(ApiKeys keys, ApplicationEventPublisher events) {
    this.keys = keys;
    this.events = events;
  }

  /**
   * What to make: a name, scopes (read, write, admin, mcp), an optional lifetime in days, and
   * whether the key is an agent's (what it does is recorded as done by an agent).
   */
  record NewKey(
      @Nullable String name,
      @Nullable List<String> scopes,
      @Nullable Integer expiresInDays,
      @Nullable Boolean agent) {}

  /** A key just made: its listing and, this once, the key itself. */
  record MadeKey(ApiKeys.ApiKey key, String secret) {}

  @PostMapping
  @Operation(
      summary = "Make an API key; the answer holds its secret, which is never shown again",
      description = "Send it as Authorization: Bearer atl_...; its scopes narrow what it may do.")
  ResponseEntity<MadeKey> create(@RequestBody NewKey request) {
    Caller caller = caller();
    Set<ApiKeyScope> scopes = EnumSet.noneOf(ApiKeyScope.class);
    for (String scope : request.scopes() == null ? List.<String>of() : request.scopes()) {
      scopes.add(
          ApiKeyScope.parse(String.valueOf(scope))
              .orElseThrow(() ->
                  new AtelierException(
                      PlatformError.BAD_REQUEST,
                      "unknown scope; the scopes are read, write, admin and mcp")));
    }
    Set<ApiKeyScope> allowed = KeyScopes.ofRole(caller.role());
    if (!allowed.containsAll(scopes)) {
      throw new AtelierException(
          IdentityError.FORBIDDEN,
          "a " + caller.role().wire() + " may give a key only the scopes " + wires(allowed));
    }
    Integer days = request.expiresInDays();
    if (days != null && (days < 1 || days > MAX_DAYS)) {
      throw new AtelierException(
          PlatformError.BAD_REQUEST, "expiresInDays must be between 1 and " + MAX_DAYS);
    }
    ApiKeys.CreatedKey made =
        keys.create(
            caller.orgId(),
            caller.subject(),
            request.name() == null ? "" : request.name(),
            scopes,
            days == null ? null : Duration.ofDays(days),
            Boolean.TRUE.equals(request.agent()));
    Map<String, Object> values = new HashMap<>();
    values.put("name", made.key().name());
    values.put("prefix", made.key().prefix());
    values.put("agent", made.key().agent());
    values.put("scopes", made.key().scopes().stream().map(ApiKeyScope::wire).sorted().toList());
    if (made.key().expiresAt() != null) {
      values.put("expiresAt", String.valueOf(made.key().expiresAt()));
    }
    events.publishEvent(
        AuditEvent.created(caller.orgId(), "api-key", Long.toString(made.key().id()), values));
    return ResponseEntity.created(URI.create("/api/keys/" + made.key().id()))
        .body(new MadeKey(made.key(), made.secret()));
  }

  @GetMapping
  @Operation(
      summary = "API keys without their secrets: the caller's own, or the whole org's for admins")
  List<ApiKeys.ApiKey> list() {
    Caller caller = caller();
    return caller.role().atLeast(Role.ADMIN)
        ? keys.list(caller.orgId())
        : keys.listOf(caller.orgId(), caller.subject());
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Revoke an API key: it is refused from the next request on")
  ResponseEntity<Void> revoke(@PathVariable long id) {
    Caller caller = caller();
    boolean mine = keys.owner(caller.orgId(), id).filter(caller.subject()::equals).isPresent();
    if (!mine && !caller.role().atLeast(Role.ADMIN)) {
      throw new AtelierException(IdentityError.KEY_NOT_FOUND, "no active API key with id " + id);
    }
    ApiKeys.ApiKey revoked =
        keys.revoke(caller.orgId(), id)
            .orElseThrow(() ->
                new AtelierException(
                    IdentityError.KEY_NOT_FOUND, "no active API key with id " + id));
    events.publishEvent(
        new AuditEvent(
            caller.orgId(),
            "api-key",
            Long.toString(id),
            "revoked",
            Map.of("name", revoked.name(), "prefix", revoked.prefix()),
            Map.of("revokedAt", String.valueOf(revoked.revokedAt()))));
    return ResponseEntity.noContent().build();
  }

  private static Caller caller() {
    return Caller.current();
  }

  private static String wires(Set<ApiKeyScope> scopes) {
    return String.join(", ", scopes.stream().map(ApiKeyScope::wire).sorted().toList());
  }
}
