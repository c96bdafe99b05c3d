package dev.atelier.identity.internal.web;

import dev.atelier.platform.LoopbackAddresses;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Which {@code Origin} and {@code Host} headers may reach the server, against DNS rebinding: a web
 * page on a hostile name that resolves to 127.0.0.1 sends its own origin and host. Loopback origins
 * and names pass, and whatever was configured ({@code atelier.mcp.origins}, {@code
 * atelier.mcp.hosts}); the Host is checked when the server listens on loopback or hosts were
 * configured (elsewhere the names it is reached by are not known).
 */
final class LoopbackGuard {

  private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

  private final Set<String> origins;
  private final Set<String> hosts;
  private final boolean checkHost;

  LoopbackGuard(String bindAddress, List<String> origins, List<String> hosts) {
    this.origins = normalised(origins);
    this.hosts = normalised(hosts);
    this.checkHost = LoopbackAddresses.isLoopback(bindAddress) || !this.hosts.isEmpty();
  }

  /** Whether a request whose {@code Origin} is this (absent: not from a browser page) may pass. */
  boolean allowsOrigin(@Nullable String origin, int port) {
    if (origin == null) {
      return true;
    }
    String normalised = normalise(origin);
    if (origins.contains(normalised)) {
      return true;
    }
    for (String name : LOOPBACK_NAMES) {
      if (normalised.equals("http://" + name + ":" + port)
          || (port == 80 && normalised.equals("http://" + name))) {
        return true;
      }
    }
    return false;
  }

  /** Whether a request with this {@code Host} header (name and optional port) may pass. */
  boolean allowsHost(@Nullable String host) {
    if (host == null || !checkHost) {
      return true;
    }
    String normalised = normalise(host);
    return LOOPBACK_NAMES.contains(nameOf(normalised))
        || hosts.contains(normalised)
        || hosts.contains(nameOf(normalised));
  }

  // "[::1]:7420" -> "[::1]", "localhost:7420" -> "localhost", "example.com" -> "example.com"
  private static String nameOf(String host) {
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end < 0 ? host : host.substring(0, end + 1);
    }
    int colon = host.indexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }

  private static Set<String> normalised(List<String> values) {
    return values.stream()
        .map(LoopbackGuard::normalise)
        .filter(v -> !v.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  private static String normalise(String value) {
    String trimmed = value.strip().toLowerCase(Locale.ROOT);
    return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }
}
