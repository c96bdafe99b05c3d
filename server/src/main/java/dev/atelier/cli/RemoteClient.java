package dev.atelier.cli;

import dev.atelier.mcp.McpHttpBridge;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.PlatformError;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP side of remote mode (seed 000's RemoteProvider): requests to one logged-in server with
 * its stored bearer. A session's access token is renewed shortly before it expires and once more
 * when the server refuses it; every renewal spends the refresh token under the credentials lock and
 * writes its successor back, because a refresh token works only once.
 */
final class RemoteClient implements AutoCloseable, McpHttpBridge.BearerSource {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
  private static final long MAX_RENEWAL_MARGIN_SECONDS = 30;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final CredentialsStore store;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(CONNECT_TIMEOUT)
          .build();
  // Written only under this object's lock (by a renewal); read by requests on other threads.
  private volatile ServerCredentials credentials;

  RemoteClient(CredentialsStore store, ServerCredentials credentials, Clock clock) {
    this.store = store;
    this.credentials = credentials;
    this.clock = clock;
  }

  /**
   * The client of {@code url}, or of the default server when it is null or blank: the one logged in
   * to last, or the only one.
   */
  static RemoteClient open(CredentialsStore store, @Nullable String url) {
    return new RemoteClient(store, resolve(store, url), Clock.systemUTC());
  }

  /** The stored credentials of {@code url}, or of the default server when it is null or blank. */
  static ServerCredentials resolve(CredentialsStore store, @Nullable String url) {
    CredentialsFile content = store.read();
    String current = content.current();
    String chosen;
    if (url != null && !url.isBlank()) {
      chosen = serverUrl(url);
    } else if (current != null) {
      chosen = current;
    } else if (content.servers().size() == 1) {
      chosen = content.servers().getFirst().url();
    } else if (content.servers().isEmpty()) {
      throw new AtelierException(
          PlatformError.UNAUTHENTICATED, "not logged in to any server; run `atelier login URL`");
    } else {
      throw new AtelierException(
          PlatformError.BAD_REQUEST,
          "logged in to several servers; name one with --remote URL ("
              + String.join(", ", content.servers().stream().map(ServerCredentials::url).toList())
              + ")");
    }
    String found = chosen;
    return content.servers().stream()
        .filter(s -> s.url().equals(found))
        .findFirst()
        .orElseThrow(() -> RemoteErrors.notLoggedIn(found));
  }

  /** One request without stored credentials (signing in and out), failures left to the caller. */
  static HttpResponse<String> anonymous(String url, HttpRequest.Builder request) {
    try (HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .build()) {
      return client.send(
          request.setHeader("Accept", "application/json").timeout(REQUEST_TIMEOUT).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw RemoteErrors.unreachable(url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AtelierException(PlatformError.INTERNAL, "interrupted while asking " + url);
    }
  }

  /** A server's URL as credentials are keyed: http(s), no trailing slash. */
  static String serverUrl(String given) {
    String url = given.strip().replaceAll("/+$", "");
    String lower = url.toLowerCase(Locale.ROOT);
    if (!(lower.startsWith("http://") || lower.startsWith("https://"))) {
      throw new AtelierException(
          PlatformError.BAD_REQUEST,
          "not a server URL: " + given + " (e.g. https://atelier.example.com)");
    }
    try {
      URI uri = URI.create(url);
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("no host");
      }
    } catch (IllegalArgumentException e) {
      throw new AtelierException(PlatformError.BAD_REQUEST, "not a server URL: " + given);
    }
    return url;
  }

  String url() {
    return credentials.url();
  }

  /** The bearer for the next request, renewed first when it is about to expire. */
  @Override
  public synchronized String bearer() {
    ServerCredentials.Session session = credentials.session();
    if (session != null && nearExpiry(session)) {
      return refresh(session).accessToken();
    }
    return credentials.bearer();
  }

  /**
   * The server refused {@code rejected} (401): a renewed bearer, the current one when another
   * request renewed it meanwhile, or a "log in again" error when nothing can be renewed.
   */
  @Override
  public synchronized String renewed(String rejected) {
    ServerCredentials.Session session = credentials.session();
    if (session == null) {
      throw RemoteErrors.keyRefused(url());
    }
    if (!session.accessToken().equals(rejected)) {
      return session.accessToken();
    }
    return refresh(session).accessToken();
  }

  JsonNode get(String path) {
    return json(url(), send(HttpRequest.newBuilder(uri(path)).GET()));
  }

  JsonNode post(String path, Object body) {
    return json(
        url(),
        send(
            HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(body), StandardCharsets.UTF_8))));
  }

  /** The JSON a server answered; something else (a proxy's page, say) is a one-line error. */
  static JsonNode json(String url, HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (JacksonException e) {
      throw new AtelierException(
          PlatformError.BAD_REQUEST,
          url
              + " did not answer JSON (HTTP "
              + response.statusCode()
              + "); is it an Atelier server?");
    }
  }

  /** Sends with the bearer; after a 401, renews once and retries. Any other failure is thrown. */
  HttpResponse<String> send(HttpRequest.Builder request) {
    String bearer = bearer();
    HttpResponse<String> response = exchange(request, bearer);
    if (response.statusCode() == 401) {
      response = exchange(request, renewed(bearer));
      if (response.statusCode() == 401) {
        throw credentials.session() == null
            ? RemoteErrors.keyRefused(url())
            : RemoteErrors.sessionExpired(url());
      }
    }
    if (response.statusCode() / 100 != 2) {
      throw RemoteErrors.refused(url(), response);
    }
    return response;
  }

  /** The tokens a sign-in or refresh answers, as stored. */
  static ServerCredentials.Session session(JsonNode tokens, Clock clock) {
    long lifetime = tokens.path("expiresIn").asLong(0);
    return new ServerCredentials.Session(
        tokens.path("accessToken").asString(""),
        clock.instant().getEpochSecond() + lifetime,
        lifetime,
        tokens.path("refreshToken").asString(""));
  }

  /** "Ada in Engines (owner)", from a sign-in's identity. */
  static String account(JsonNode identity) {
    return identity.path("displayName").asString("?")
        + " in "
        + identity.path("orgName").asString("?")
        + " ("
        + identity.path("role").asString("?")
        + ")";
  }

  @Override
  public void close() {
    http.close();
  }

  private HttpResponse<String> exchange(HttpRequest.Builder request, String bearer) {
    HttpRequest built =
        request
            .copy()
            .setHeader("Authorization", "Bearer " + bearer)
            .setHeader("Accept", "application/json")
            .timeout(REQUEST_TIMEOUT)
            .build();
    return sendRaw(built);
  }

  private HttpResponse<String> sendRaw(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw RemoteErrors.unreachable(url(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AtelierException(PlatformError.INTERNAL, "interrupted while asking " + url());
    }
  }

  private boolean nearExpiry(ServerCredentials.Session session) {
    long margin = Math.min(MAX_RENEWAL_MARGIN_SECONDS, session.accessLifetime() / 10);
    return clock.instant().getEpochSecond() >= session.accessExpiresAt() - margin;
  }

  // Under the lock: another process may have renewed the session since we read it, and then its
  // successor on disk is the one to use (spending ours again would end the session).
  private ServerCredentials.Session refresh(ServerCredentials.Session held) {
    return store.locked(() -> {
      ServerCredentials onDisk =
          store.find(url()).orElseThrow(() -> RemoteErrors.notLoggedIn(url()));
      ServerCredentials.Session latest = onDisk.session();
      if (latest == null) {
        throw RemoteErrors.notLoggedIn(url());
      }
      if (!latest.refreshToken().equals(held.refreshToken()) && !nearExpiry(latest)) {
        credentials = onDisk;
        return latest;
      }
      HttpResponse<String> response =
          sendRaw(
              HttpRequest.newBuilder(uri("/api/auth/refresh"))
                  .header("Content-Type", "application/json")
                  .header("Accept", "application/json")
                  .timeout(REQUEST_TIMEOUT)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          JSON.writeValueAsString(Map.of("refreshToken", latest.refreshToken())),
                          StandardCharsets.UTF_8))
                  .build());
      if (List.of(400, 401).contains(response.statusCode())) {
        throw RemoteErrors.sessionExpired(url());
      }
      if (response.statusCode() != 200) {
        throw RemoteErrors.refused(url(), response);
      }
      ServerCredentials.Session renewed = session(json(url(), response), clock);
      credentials = onDisk.withSession(renewed);
      store.update(credentials);
      return renewed;
    });
  }

  private URI uri(String path) {
    return URI.create(url() + path);
  }
}
