package dev.atelier.identity.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * What an API key may do, narrowing its owner's role: {@code read} (safe requests), {@code write}
 * (and read), {@code admin} (keys and the audit trail, and write), {@code mcp} (MCP over HTTP).
 */
public enum ApiKeyScope {
  READ,
  WRITE,
  ADMIN,
  MCP;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ApiKeyScope> parse(String value) {
    for (ApiKeyScope scope : values()) {
      if (scope.wire().equals(value)) {
        return Optional.of(scope);
      }
    }
    return Optional.empty();
  }
}
