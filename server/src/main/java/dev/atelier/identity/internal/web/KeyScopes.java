package dev.atelier.identity.internal.web;

import dev.atelier.identity.internal.ApiKeyScope;
import java.util.Set;

/** Which scope a request needs from an API key, and whether a key's scopes grant it. */
final class KeyScopes {

  private KeyScopes() {}

  static ApiKeyScope needed(String method, String path) {
    if (path.equals("/mcp") || path.startsWith("/mcp/")) {
      return ApiKeyScope.MCP;
    }
    if (path.startsWith("/api/keys")
        || path.startsWith("/api/audit")
        || path.startsWith("/api/auth/login-links")) {
      return ApiKeyScope.ADMIN;
    }
    return switch (method) {
      case "GET", "HEAD", "OPTIONS" -> ApiKeyScope.READ;
      default -> ApiKeyScope.WRITE;
    };
  }

  // admin includes write, write includes read; mcp stands apart.
  static boolean allows(Set<ApiKeyScope> granted, ApiKeyScope needed) {
    return switch (needed) {
      case READ ->
          granted.contains(ApiKeyScope.READ)
              || granted.contains(ApiKeyScope.WRITE)
              || granted.contains(ApiKeyScope.ADMIN);
      case WRITE -> granted.contains(ApiKeyScope.WRITE) || granted.contains(ApiKeyScope.ADMIN);
      case ADMIN -> granted.contains(ApiKeyScope.ADMIN);
      case MCP -> granted.contains(ApiKeyScope.MCP);
    };
  }
}
