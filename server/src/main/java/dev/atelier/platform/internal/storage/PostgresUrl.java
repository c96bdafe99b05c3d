package dev.atelier.platform.internal.storage;

import dev.atelier.platform.AtelierException;
import dev.atelier.platform.PlatformError;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL location as users write it ({@code postgresql://user:secret@host:5432/db} or a JDBC
 * URL), split into what the JDBC driver takes. The password never appears in {@link #display()}.
 */
public record PostgresUrl(
    String jdbcUrl, @Nullable String userName, @Nullable String secret, String display) {

  public static PostgresUrl parse(String url) {
    String plain = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
    URI uri;
    try {
      uri = new URI(plain);
    } catch (URISyntaxException e) {
      throw invalid(url);
    }
    String scheme = uri.getScheme();
    if (!"postgresql".equals(scheme) && !"postgres".equals(scheme) || uri.getHost() == null) {
      throw invalid(url);
    }
    int port = uri.getPort() == -1 ? 5432 : uri.getPort();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + path + query;
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : null;
    }
    return new PostgresUrl(jdbc, user, password, uri.getHost() + ":" + port + path);
  }

  public Optional<String> user() {
    return Optional.ofNullable(userName);
  }

  public Optional<String> password() {
    return Optional.ofNullable(secret);
  }

  @Override
  public String toString() {
    return display;
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }

  private static AtelierException invalid(String url) {
    String shown = url.replaceAll("//([^:/@]*):[^@]*@", "//$1:***@");
    return new AtelierException(
        PlatformError.MISCONFIGURED,
        "ATELIER_DB_URL is not a PostgreSQL URL: "
            + shown
            + " (expected postgresql://user@host:5432/database)");
  }
}
