package dev.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.cli.RunningServer;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.testing.Http;
import dev.atelier.testing.TestAuthorizationServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * OAuth sign-in against a real authorization server started in the test (Spring Authorization
 * Server, configured as Atelier's "gitlab" provider through the endpoint overrides), driven like a
 * browser: redirects followed by hand, the provider's login form filled in, cookies kept. A new
 * person gets an account, a verified email joins the existing account, an unverified one is
 * refused, and an explicit link joins whatever the email says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OAuthServeContract {

  private static final String PROVIDER = "gitlab";
  private static final Pattern CSRF =
      Pattern.compile("name=\"_csrf\"\\s+type=\"hidden\"\\s+value=\"([^\"]+)\"");

  abstract AtelierSettings settings(Path workspace);

  private TestAuthorizationServer provider;
  private RunningServer server;
  private Http anonymous;

  @BeforeAll
  void start(@TempDir Path workspace) {
    provider = TestAuthorizationServer.start();
    Map<String, Object> properties = new HashMap<>(provider.providerProperties(PROVIDER));
    properties.putAll(provider.githubProperties());
    properties.put("atelier.auth.registration", "open");
    server =
        new AtelierServer()
            .start(settings(workspace).withAuthRequired(true), properties, Map.of())
            .server();
    provider.registerClient(
        List.of(
            server.url() + "/api/auth/oauth/" + PROVIDER + "/callback",
            server.url() + "/api/auth/oauth/github/callback"));
    anonymous = new Http(server.url());
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.stop();
    }
    if (provider != null) {
      provider.close();
    }
  }

  @Test
  void listsOnlyTheConfiguredProviders() {
    JsonNode providers = anonymous.json(anonymous.get("/api/auth/providers"));
    assertThat(providers).hasSize(2);
    assertThat(providers.get(0).get("id").asString()).isEqualTo("github");
    assertThat(providers.get(0).get("name").asString()).isEqualTo("GitHub");
    assertThat(providers.get(1).get("id").asString()).isEqualTo(PROVIDER);
    assertThat(providers.get(1).get("name").asString()).isEqualTo("GitLab");
    assertThat(providers.get(1).get("loginUrl").asString()).isEqualTo("/api/auth/oauth/gitlab");
    // Google has no client id and secret here: not offered, and its start is a 404 problem.
    HttpResponse<String> google = anonymous.get("/api/auth/oauth/google");
    assertThat(google.statusCode()).isEqualTo(404);
    assertThat(anonymous.json(google).get("type").asString()).endsWith("oauth-provider-not-found");
  }

  @Test
  void gitHubSignsInWithThePrimaryVerifiedAddressNotThePublicOne() {
    Browser browser = new Browser();
    HttpResponse<String> callback =
        browser.signInAtProvider(URI.create(server.url() + "/api/auth/oauth/github"), "linus");
    assertThat(location(callback)).isEqualTo("/");
    Http linus = signedIn(browser, callback);
    JsonNode me = linus.json(linus.get("/api/me"));
    assertThat(me.get("email").asString()).isEqualTo("linus@example.com");
    assertThat(me.get("emailVerified").asBoolean()).isTrue();
    assertThat(linus.get("/api/audit?entityType=oauth-identity").body()).contains("github:105");
  }

  @Test
  void aNewPersonGetsAnAccountWithAnOrgOfTheirOwn() {
    Browser browser = new Browser();
    HttpResponse<String> callback = browser.signInAtProvider(loginUrl(), "newcomer");
    assertThat(callback.statusCode()).isEqualTo(302);
    assertThat(location(callback)).isEqualTo("/");
    Http newcomer = signedIn(browser, callback);
    JsonNode me = newcomer.json(newcomer.get("/api/me"));
    assertThat(me.get("email").asString()).isEqualTo("newcomer@example.com");
    assertThat(me.get("emailVerified").asBoolean()).isTrue();
    assertThat(me.get("hasPassword").asBoolean()).isFalse();
    assertThat(me.get("role").asString()).isEqualTo("owner");
    assertThat(me.get("displayName").asString()).isEqualTo("New Comer");

    // Again: the same identity signs in as the same account, no second account.
    Browser again = new Browser();
    Http second = signedIn(again, again.signInAtProvider(loginUrl(), "newcomer"));
    assertThat(second.json(second.get("/api/me")).get("id").asLong())
        .isEqualTo(me.get("id").asLong());
    assertThat(actions(newcomer, "oauth-identity")).containsExactly("linked");
    assertThat(newcomer.get("/api/audit?entityType=session&limit=50").body())
        .contains("oauth:gitlab")
        .doesNotContain(TestAuthorizationServer.CLIENT_SECRET);
  }

  @Test
  void aVerifiedEmailSignsInToTheExistingAccountAndLinksIt() {
    AccountsServeContract.Session ada =
        AccountsServeContract.register(anonymous, "ada@example.com", "Engines");
    Browser browser = new Browser();
    HttpResponse<String> callback = browser.signInAtProvider(loginUrl(), "ada");
    assertThat(location(callback)).isEqualTo("/");
    Http signedIn = signedIn(browser, callback);
    JsonNode me = signedIn.json(signedIn.get("/api/me"));
    assertThat(me.get("id").asLong()).isEqualTo(ada.userId());
    assertThat(me.get("orgId").asLong()).isEqualTo(ada.orgId());
    // The provider verified the address, so Atelier now counts it as verified too; the password
    // and sessions of whoever registered the unproven address end (pre-hijacking).
    assertThat(me.get("emailVerified").asBoolean()).isTrue();
    assertThat(me.get("hasPassword").asBoolean()).isFalse();
    assertThat(actions(signedIn, "oauth-identity")).containsExactly("linked");
    assertThat(signedIn.get("/api/audit?entityType=oauth-identity").body())
        .contains("passwordRemoved");
    AccountsServeContract.awaitStatus(anonymous.withBearer(ada.accessToken()), "/api/me", 401);
    assertThat(
            anonymous
                .json(
                    "POST",
                    "/api/auth/login",
                    "{\"email\": \"ada@example.com\", \"password\": \"long-enough-passphrase\"}")
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void anUnverifiedEmailOfAnExistingAccountIsRefusedUntilTheAccountLinksExplicitly() {
    AccountsServeContract.Session eve =
        AccountsServeContract.register(anonymous, "eve@example.com", "Eden");
    Browser browser = new Browser();
    HttpResponse<String> callback = browser.signInAtProvider(loginUrl(), "eve");
    assertThat(callback.statusCode()).isEqualTo(302);
    assertThat(location(callback)).isEqualTo("/signin?oauth=unverified-email");
    assertThat(refreshCookie(callback)).isNull();
    Http eveApi = anonymous.withBearer(eve.accessToken());
    assertThat(eveApi.get("/api/audit?entityType=session&action=oauth-refused").body())
        .contains("unverified-email");

    // Signed in with her password, Eve links the provider account herself.
    Browser linking = new Browser();
    HttpResponse<String> started =
        linking.send(
            HttpRequest.newBuilder(URI.create(server.url() + "/api/auth/oauth/gitlab/link"))
                .header("Authorization", "Bearer " + eve.accessToken())
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String url = anonymous.json(started).get("url").asString();
    assertThat(url).startsWith(provider.url() + "/oauth2/authorize");
    HttpResponse<String> linked = linking.signInAtProvider(URI.create(url), "eve");
    assertThat(location(linked)).isEqualTo("/?oauth=linked");
    assertThat(refreshCookie(linked)).isNull();
    assertThat(actions(eveApi, "oauth-identity")).containsExactly("linked");

    // From now on the provider account signs in as Eve.
    Browser later = new Browser();
    HttpResponse<String> next = later.signInAtProvider(loginUrl(), "eve");
    assertThat(location(next)).isEqualTo("/");
    Http signedIn = signedIn(later, next);
    assertThat(signedIn.json(signedIn.get("/api/me")).get("id").asLong()).isEqualTo(eve.userId());
  }

  @Test
  void anIdentityOfAnotherAccountCannotBeLinked() {
    Browser first = new Browser();
    signedIn(first, first.signInAtProvider(loginUrl(), "grace"));
    AccountsServeContract.Session mallory =
        AccountsServeContract.register(anonymous, "mallory@example.com", "Mischief");
    Browser linking = new Browser();
    HttpResponse<String> started =
        linking.send(
            HttpRequest.newBuilder(URI.create(server.url() + "/api/auth/oauth/gitlab/link"))
                .header("Authorization", "Bearer " + mallory.accessToken())
                .POST(HttpRequest.BodyPublishers.noBody()));
    String url = anonymous.json(started).get("url").asString();
    HttpResponse<String> refused = linking.signInAtProvider(URI.create(url), "grace");
    assertThat(location(refused)).isEqualTo("/?oauth=identity-taken");
    // A link needs a signed-in account, and a callback without this browser's cookie is refused.
    assertThat(anonymous.json("POST", "/api/auth/oauth/gitlab/link", "").statusCode())
        .isEqualTo(401);
    Browser stranger = new Browser();
    HttpResponse<String> forged =
        stranger.send(
            HttpRequest.newBuilder(
                    URI.create(server.url() + "/api/auth/oauth/gitlab/callback?code=abc&state=xyz"))
                .GET());
    assertThat(location(forged)).isEqualTo("/signin?oauth=failed");
  }

  @Test
  void aTamperedStateCookieEndsTheRoundTrip() {
    Browser browser = new Browser();
    HttpResponse<String> started = browser.send(HttpRequest.newBuilder(loginUrl()).GET());
    assertThat(started.statusCode()).isEqualTo(302);
    HttpCookie state =
        browser.cookies.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("atelier_oauth"))
            .findFirst()
            .orElseThrow();
    String value = state.getValue();
    // One character of the sealed part changed: AES-GCM's tag no longer matches.
    state.setValue(
        value.substring(0, 20) + (value.charAt(20) == 'A' ? 'B' : 'A') + value.substring(21));
    HttpResponse<String> callback =
        browser.signInAtProvider(
            URI.create(started.headers().firstValue("Location").orElseThrow()), "grace");
    assertThat(location(callback)).isEqualTo("/signin?oauth=failed");
    assertThat(refreshCookie(callback)).isNull();
  }

  private URI loginUrl() {
    return URI.create(server.url() + "/api/auth/oauth/" + PROVIDER);
  }

  /** The web app's next step: its refresh cookie buys an access token. */
  private Http signedIn(Browser browser, HttpResponse<String> callback) {
    String cookie = refreshCookie(callback);
    assertThat(cookie).as("refresh cookie of %s", callback.headers().map()).isNotNull();
    String setCookie =
        callback.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("atelier_refresh="))
            .findFirst()
            .orElseThrow();
    // Stateless: the round-trip left no HTTP session behind.
    assertThat(callback.headers().allValues("Set-Cookie"))
        .noneMatch(c -> c.startsWith("JSESSIONID"));
    assertThat(setCookie)
        .contains("HttpOnly")
        .contains("SameSite=Strict")
        .contains("Path=/api/auth");
    HttpResponse<String> refreshed =
        browser.send(
            HttpRequest.newBuilder(URI.create(server.url() + "/api/auth/refresh"))
                .header("X-Requested-With", "fetch")
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    return anonymous.withBearer(anonymous.json(refreshed).get("accessToken").asString());
  }

  private static List<String> actions(Http client, String entityType) {
    JsonNode entries =
        client.json(client.get("/api/audit?entityType=" + entityType)).get("entries");
    return entries.valueStream().map(e -> e.get("action").asString()).toList();
  }

  private static @Nullable String refreshCookie(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("atelier_refresh="))
        .map(c -> c.substring("atelier_refresh=".length(), c.indexOf(';')))
        .filter(v -> !v.isEmpty())
        .findFirst()
        .orElse(null);
  }

  private static String location(HttpResponse<String> response) {
    String location = response.headers().firstValue("Location").orElse("");
    URI uri = URI.create(location);
    return uri.isAbsolute()
        ? uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
        : location;
  }

  /**
   * A browser: its own cookies (a fresh one has no session at the provider), redirects followed one
   * at a time so that each step can be seen.
   */
  private final class Browser {

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /**
     * Follows {@code start} through the provider's login form (as {@code user}) back to Atelier's
     * callback, and answers the callback's response.
     */
    HttpResponse<String> signInAtProvider(URI start, String user) {
      URI next = start;
      for (int step = 0; step < 12; step++) {
        // Accept: text/html, as a browser's navigation sends it (the provider's login redirect).
        HttpResponse<String> response =
            send(HttpRequest.newBuilder(next).header("Accept", "text/html").GET());
        if (next.getPath().endsWith("/callback")) {
          return response;
        }
        if (response.statusCode() == 302) {
          next = next.resolve(response.headers().firstValue("Location").orElseThrow());
        } else if (response.statusCode() == 200 && next.getPath().equals("/login")) {
          Matcher csrf = CSRF.matcher(response.body());
          assertThat(csrf.find()).as(response.body()).isTrue();
          HttpResponse<String> form =
              send(
                  HttpRequest.newBuilder(next)
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "username="
                                  + user
                                  + "&password="
                                  + TestAuthorizationServer.PASSWORD
                                  + "&_csrf="
                                  + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))));
          assertThat(form.statusCode()).as(form.body()).isEqualTo(302);
          next = next.resolve(form.headers().firstValue("Location").orElseThrow());
        } else {
          throw new AssertionError(
              "unexpected " + response.statusCode() + " at " + next + ": " + response.body());
        }
      }
      throw new AssertionError("no callback after 12 steps from " + start);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
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
  }
}
