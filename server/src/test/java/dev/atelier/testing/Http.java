package dev.atelier.testing;

import dev.atelier.identity.InstallToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small real HTTP client for tests that talk to a running server. */
public final class Http {

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final JsonMapper json = JsonMapper.builder().build();
  private final String baseUrl;
  private final @Nullable String bearer;

  /** A client without credentials: what an anonymous caller (or another local user) sees. */
  public Http(String baseUrl) {
    this(baseUrl, null);
  }

  private Http(String baseUrl, @Nullable String bearer) {
    this.baseUrl = baseUrl;
    this.bearer = bearer;
  }

  /** A client that sends the install token of {@code dataDir} as its bearer, as scripts do. */
  public static Http withInstallToken(String baseUrl, Path dataDir) {
    return new Http(baseUrl, InstallToken.loadOrCreate(dataDir).reveal());
  }

  /** The bearer this client sends, for tests that check it never leaks. */
  public String bearerForTests() {
    return bearer == null ? "" : bearer;
  }

  /** The same server, with another bearer (an API key, say). */
  public Http withBearer(String otherBearer) {
    return new Http(baseUrl, otherBearer);
  }

  /** The same server, without credentials. */
  public Http anonymous() {
    return new Http(baseUrl);
  }

  /** A request for {@code path} on this server, with this client's credentials. */
  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return request;
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
  }

  public HttpResponse<String> post(
      String path, String contentType, HttpRequest.BodyPublisher body) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", contentType)
            .POST(body));
  }

  /** A request with a JSON body and any method (POST, PATCH, DELETE...). */
  public HttpResponse<String> json(String method, String path, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body)));
  }

  public HttpResponse<String> delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE());
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    if (bearer != null && !request.build().headers().firstValue("Authorization").isPresent()) {
      request.header("Authorization", "Bearer " + bearer);
    }
    try {
      return client.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public JsonNode json(HttpResponse<String> response) {
    return json.readTree(response.body());
  }
}
