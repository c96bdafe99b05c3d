package dev.atelier.identity.internal.web;

import dev.atelier.identity.internal.ApiKeyScope;
import dev.atelier.platform.Role;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a request needs (read, write, admin or mcp), what a role grants and whether a set of scopes
 * allows it. A key is held to the scopes it was made with and to its owner's role at the time of
 * the request; a person to their role. Self-service paths (one's own account, sessions and keys)
 * are open to every role; a key still needs the scope.
 */
final class KeyScopes {

  private static final Pattern ORG_ADMIN =
      Pattern.compile("/api/orgs/[^/]+/(invitations(/.*)?|transfer)");
  private static final Pattern TOOL_CALL = Pattern.compile("/api/repos/[^/]+/tools/[^/]+");
  private static final Pattern MEMBER = Pattern.compile("/api/orgs/[^/]+/members/[^/]+");

  private KeyScopes() {}

  static ApiKeyScope needed(String method, String path) {
    if (path.equals("/mcp") || path.startsWith("/mcp/")) {
      return ApiKeyScope.MCP;
    }
    if (TOOL_CALL.matcher(path).matches()) {
      // Read-only tools are reads; the handler refuses a tool that changes data to a viewer.
      return ApiKeyScope.READ;
    }
    if (path.startsWith("/api/keys")
        || path.startsWith("/api/audit")
        || path.startsWith("/api/auth/login-links")
        || ORG_ADMIN.matcher(path).matches()
        || (method.equals("PATCH") && MEMBER.matcher(path).matches())) {
      return ApiKeyScope.ADMIN;
    }
    return switch (method) {
      case "GET", "HEAD", "OPTIONS" -> ApiKeyScope.READ;
      default -> ApiKeyScope.WRITE;
    };
  }

  /** Requests about the caller's own account, which any role may make. */
  static boolean isSelfService(String method, String path) {
    return (path.startsWith("/api/auth/") && !path.startsWith("/api/auth/login-links"))
        || path.equals("/api/me")
        || path.startsWith("/api/me/")
        || path.equals("/api/keys")
        || path.startsWith("/api/keys/")
        || path.equals("/api/orgs")
        || path.equals("/api/invitations/accept")
        // Leaving an org; removing someone else is checked for admin by the handler.
        || (method.equals("DELETE") && MEMBER.matcher(path).matches());
  }

  /**
   * The role a key acts with: its owner's, lowered to what its scopes allow (read or mcp alone: a
   * viewer; write: a member; admin: an admin, never an owner).
   */
  static Role narrow(Role role, Set<ApiKeyScope> scopes) {
    Role ceiling =
        scopes.contains(ApiKeyScope.ADMIN)
            ? Role.ADMIN
            : scopes.contains(ApiKeyScope.WRITE) ? Role.MEMBER : Role.VIEWER;
    return role.atLeast(ceiling) ? ceiling : role;
  }

  static Set<ApiKeyScope> ofRole(Role role) {
    return switch (role) {
      case OWNER, ADMIN -> EnumSet.allOf(ApiKeyScope.class);
      case MEMBER -> EnumSet.of(ApiKeyScope.READ, ApiKeyScope.WRITE, ApiKeyScope.MCP);
      case VIEWER -> EnumSet.of(ApiKeyScope.READ, ApiKeyScope.MCP);
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
