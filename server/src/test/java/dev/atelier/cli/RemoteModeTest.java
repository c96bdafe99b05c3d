package dev.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.ServersForTests;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.testing.Http;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Remote mode against a real server with sign-in required and access tokens that live three
 * seconds: {@code login} stores an owner-only file, {@code search}, {@code tool} and {@code mcp}
 * answer from the server's index, expired tokens are renewed (and the rotated refresh token kept),
 * an ended session asks to log in again, and API keys work in place of a password.
 */
class RemoteModeTest {

  private static final String EMAIL = "ada@example.com";
  private static final String PASSWORD = "analytical-engine-1843";
  private static final String GET_USER_NAME =
      "src/Accounts.java:4 method demo.Accounts.getUserName";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir static Path workspace;
  @TempDir static Path adminConfig;
  private static RunningServer server;
  private static String url;
  private static Http anonymous;

  @BeforeAll
  static void start() throws Exception {
    Path demo = Files.createDirectories(workspace.resolve("demo"));
    Files.createDirectories(demo.resolve("src"));
    Files.writeString(
        demo.resolve("src/Accounts.java"),
        """
        package demo;

        public class Accounts {
          public String getUserName(int id) {
            return "user" + id;
          }
        }
        """);
    server =
        ServersForTests.start(
            AtelierSettings.local(demo).withPort(0).withAuthRequired(true),
            Map.of("atelier.auth.access-token-lifetime", "3s"));
    url = server.url();
    anonymous = new Http(url);
    // Ada joins the install's org, whose repository (the folder served) the server indexes.
    Http owner = Http.withInstallToken(url, demo.resolve(".atelier"));
    long org = owner.json(owner.get("/api/me")).get("orgId").asLong();
    HttpResponse<String> invited =
        owner.json(
            "POST",
            "/api/orgs/" + org + "/invitations",
            "{\"email\": \"" + EMAIL + "\", \"role\": \"admin\"}");
    assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
    String link = owner.json(invited).get("link").asString();
    HttpResponse<String> registered =
        anonymous.json(
            "POST",
            "/api/auth/register",
            "{\"email\": \""
                + EMAIL
                + "\", \"password\": \""
                + PASSWORD
                + "\", \"displayName\": \"Ada\", \"invitation\": \""
                + link.substring(link.indexOf("code=") + 5)
                + "\"}");
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    login(adminConfig);
    try (RemoteClient admin = client(adminConfig)) {
      await(
          "the demo repository is indexed",
          () -> {
            JsonNode repos = admin.get("/api/repos");
            return repos.size() == 1
                && repos.get(0).path("branches").path(0).path("state").asString().equals("ready");
          });
    }
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void loginWithAPasswordStoresAnOwnerOnlyFileWithoutThePassword(@TempDir Path home)
      throws Exception {
    Path config = home.resolve("atelier");
    Result login = login(config);

    assertThat(login.out()).contains("Logged in to " + url + " as Ada in ").contains("(admin)");
    Path file = config.resolve(CredentialsStore.FILE_NAME);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config)))
        .isEqualTo("rwx------");
    String stored = Files.readString(file);
    ServerCredentials.Session session = session(config);
    assertThat(stored).doesNotContain(PASSWORD).contains(url).contains("atr_");
    assertThat(login.out() + login.err())
        .doesNotContain(session.accessToken())
        .doesNotContain(session.refreshToken());
  }

  @Test
  void searchAndToolAnswerFromTheServersIndex(@TempDir Path config) {
    login(config);

    Result symbols = run("search", "--remote", "gUN", "--symbols", "--config", config.toString());
    Result text =
        run(
            "search",
            "getUserName",
            "--remote",
            url,
            "--repo",
            "demo",
            "--config",
            config.toString());
    Result json = run("search", "getUserName", "--json", "--remote", "--config", config.toString());
    Result tool =
        run(
            "tool",
            "search_symbols",
            "--arg",
            "query=gUN",
            "--remote",
            "--config",
            config.toString());
    Result list = run("tool", "--list", "--remote", "--config", config.toString());
    Result unknown =
        run("search", "x", "--remote", "--repo", "nope", "--config", config.toString());

    assertThat(symbols.out()).startsWith("src/Accounts.java:4: method demo.Accounts.getUserName");
    assertThat(text.out()).contains("src/Accounts.java:4: public String getUserName(int id) {");
    assertThat(JSON.readTree(json.out()).at("/matches/0/path").asString())
        .isEqualTo("src/Accounts.java");
    assertThat(tool.exit()).as(tool.err()).isZero();
    assertThat(tool.out()).startsWith(GET_USER_NAME);
    assertThat(list.out()).contains("search_symbols", "semantic_search");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err())
        .startsWith("atelier: no repository nope at " + url + " (there: demo = ")
        .hasLineCount(1);
  }

  @Test
  void anExpiredAccessTokenIsRenewedAndTheRotatedRefreshTokenKept(@TempDir Path config) {
    login(config);
    ServerCredentials.Session first = session(config);
    awaitRefused(first.accessToken());

    Result search = run("search", "--remote", "gUN", "--symbols", "--config", config.toString());

    assertThat(search.exit()).as(search.err()).isZero();
    assertThat(search.out()).startsWith("src/Accounts.java:4:");
    ServerCredentials.Session second = session(config);
    assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
    assertThat(second.accessToken()).isNotEqualTo(first.accessToken());

    // Two processes holding the same expired token: the second takes the first's renewal from
    // the file instead of spending the refresh token again (which would end the session).
    try (RemoteClient one = client(config);
        RemoteClient other = client(config)) {
      awaitRefused(second.accessToken());
      assertThat(one.get("/api/repos")).hasSize(1);
      assertThat(other.get("/api/repos")).hasSize(1);
    }
    Result after = run("search", "--remote", "gUN", "--symbols", "--config", config.toString());
    assertThat(after.exit()).as(after.err()).isZero();
  }

  @Test
  void anEndedSessionAsksToLogInAgainInOneLine(@TempDir Path config) {
    login(config);
    ServerCredentials.Session session = session(config);
    assertThat(
            anonymous
                .json(
                    "POST",
                    "/api/auth/logout",
                    "{\"refreshToken\": \"" + session.refreshToken() + "\"}")
                .statusCode())
        .isEqualTo(204);

    Result[] last = new Result[1];
    await(
        "the ended session is refused",
        () -> {
          last[0] = run("search", "--remote", "gUN", "--symbols", "--config", config.toString());
          return last[0].exit() != 0;
        });

    assertThat(last[0].exit()).isEqualTo(1);
    assertThat(last[0].err())
        .isEqualTo(
            "atelier: the session at "
                + url
                + " has expired or was ended; run `atelier login "
                + url
                + "` again\n");
  }

  @Test
  void logoutEndsTheSessionAndForgetsTheServer(@TempDir Path config) {
    login(config);
    ServerCredentials.Session session = session(config);

    Result logout = run("logout", url, "--config", config.toString());
    Result search = run("search", "--remote", "gUN", "--config", config.toString());

    assertThat(logout.exit()).as(logout.err()).isZero();
    assertThat(logout.out()).isEqualTo("Logged out of " + url + "\n");
    assertThat(new CredentialsStore(config).find(url)).isEmpty();
    assertThat(
            anonymous
                .json(
                    "POST",
                    "/api/auth/refresh",
                    "{\"refreshToken\": \"" + session.refreshToken() + "\"}")
                .statusCode())
        .isEqualTo(401);
    assertThat(search.err())
        .isEqualTo("atelier: not logged in to any server; run `atelier login URL`\n");
  }

  @Test
  void anApiKeyLogsInAndAScopeItLacksIsNamed(@TempDir Path wide, @TempDir Path narrow) {
    String writeKey;
    String readKey;
    try (RemoteClient admin = client(adminConfig)) {
      writeKey =
          admin
              .post(
                  "/api/keys", Map.of("name", "laptop", "scopes", List.of("read", "write", "mcp")))
              .get("secret")
              .asString();
      readKey =
          admin
              .post("/api/keys", Map.of("name", "reader", "scopes", List.of("read")))
              .get("secret")
              .asString();
    }

    Result login = run("login", url, "--key", writeKey, "--config", wide.toString());
    Result tool =
        run(
            "tool",
            "search_symbols",
            "--arg",
            "query=gUN",
            "--remote",
            "--config",
            wide.toString());
    Result narrowLogin =
        runWith(
            readKey + "\n",
            "login",
            "--key",
            "--password-stdin",
            url,
            "--config",
            narrow.toString());
    Result reading =
        run(
            "tool",
            "search_symbols",
            "--arg",
            "query=gUN",
            "--remote",
            "--config",
            narrow.toString());
    Result refused =
        run(
            "tool",
            "record_learning",
            "--arg",
            "content=reads only",
            "--arg",
            "kind=convention",
            "--remote",
            "--config",
            narrow.toString());
    Result search = run("search", "gUN", "--symbols", "--remote", "--config", narrow.toString());
    Result bogus = run("login", url, "--key", "atl_bogus", "--config", wide.toString());

    assertThat(login.exit()).as(login.err()).isZero();
    assertThat(login.out()).doesNotContain(writeKey);
    assertThat(new CredentialsStore(wide).find(url).orElseThrow().key()).isEqualTo(writeKey);
    assertThat(tool.out()).startsWith(GET_USER_NAME);
    assertThat(narrowLogin.exit()).as(narrowLogin.err()).isZero();
    assertThat(search.out()).startsWith("src/Accounts.java:4:");
    // A read-only key acts as a viewer: read-only tools answer, a tool that writes is refused.
    assertThat(reading.out()).startsWith(GET_USER_NAME);
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err())
        .startsWith("atelier tool record_learning: not allowed at " + url + ": ")
        .contains("may not call record_learning");
    assertThat(refused.err().lines()).hasSize(1);
    assertThat(bogus.exit()).isEqualTo(1);
    assertThat(bogus.err()).startsWith("atelier: " + url + " refused the key");
    assertThat(new CredentialsStore(wide).find(url).orElseThrow().key()).isEqualTo(writeKey);
  }

  @Test
  void mcpRemoteBridgesStdioToTheServerAcrossAnExpiredToken(@TempDir Path config) throws Exception {
    login(config);
    McpCommand mcp = new McpCommand();
    new CommandLine(mcp)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .parseArgs("--remote", url, "--config", config.toString());
    PipedOutputStream requests = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(requests, 1 << 16);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CompletableFuture<Void> session = CompletableFuture.runAsync(() -> mcp.serve(in, out));

    send(
        requests,
        """
        {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
        "capabilities":{},"clientInfo":{"name":"test","version":"1"}}}
        {"jsonrpc":"2.0","method":"notifications/initialized"}
        {"jsonrpc":"2.0","id":2,"method":"tools/list"}
        """);
    await("tools/list is answered", () -> answers(out).size() >= 2);
    awaitRefused(session(config).accessToken());
    send(
        requests,
        """
        {"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"search_symbols",\
        "arguments":{"query":"gUN","repository":"demo"}}}
        {"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"search_symbols",\
        "arguments":{"query":"gUN"}}}
        """);
    requests.close();
    session.get();
    McpCommand elsewhere = new McpCommand();
    new CommandLine(elsewhere)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .parseArgs("--remote", "--repo", "nope", "--config", config.toString());
    ByteArrayOutputStream refused = new ByteArrayOutputStream();
    elsewhere.serve(
        new ByteArrayInputStream(
            """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
            "capabilities":{},"clientInfo":{"name":"test","version":"1"}}}
            {"jsonrpc":"2.0","method":"notifications/initialized"}
            {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"search_symbols",\
            "arguments":{"query":"gUN"}}}
            """
                .getBytes(StandardCharsets.UTF_8)),
        refused);

    List<JsonNode> answers = answers(out);
    assertThat(byId(answers, 2).at("/result/tools").findValuesAsString("name"))
        .contains("search_symbols", "semantic_search");
    assertThat(byId(answers, 3).at("/result/content/0/text").asString()).startsWith(GET_USER_NAME);
    assertThat(byId(answers, 4).at("/result/content/0/text").asString())
        .as("the repository named like the folder, or the only one, is the default")
        .startsWith(GET_USER_NAME);
    assertThat(byId(answers(refused), 2).toString()).contains("no repository 'nope'");
  }

  @Test
  void notLoggedInAndUnreachableServersAreOneLineErrors(@TempDir Path config) throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String closed = "http://127.0.0.1:" + closedPort;

    Result notLoggedIn = run("tool", "symbols", "--remote", "--config", config.toString());
    Result unreachable =
        runWith(
            PASSWORD + "\n",
            "login",
            closed,
            "--email",
            EMAIL,
            "--password-stdin",
            "--config",
            config.toString());
    Result wrongPassword =
        runWith(
            "not-the-password\n",
            "login",
            url,
            "--email",
            EMAIL,
            "--password-stdin",
            "--config",
            config.toString());
    Result help = run("login", "--help");

    assertThat(notLoggedIn.err())
        .isEqualTo("atelier tool symbols: not logged in to any server; run `atelier login URL`\n");
    assertThat(unreachable.exit()).isEqualTo(1);
    assertThat(unreachable.err())
        .startsWith("atelier: cannot reach the Atelier server at " + closed);
    assertThat(unreachable.err().lines()).hasSize(1);
    assertThat(wrongPassword.err())
        .isEqualTo("atelier: " + url + " refused the email or password\n");
    assertThat(config.resolve(CredentialsStore.FILE_NAME)).doesNotExist();
    assertThat(help.out()).contains("--password-stdin", "--key");
  }

  // ---------------------------------------------------------------------------------------------

  /** A command run: its exit code and what it printed. */
  private record Result(int exit, String out, String err) {}

  private static Result run(String... args) {
    return runWith("", args);
  }

  private static Result runWith(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        AtelierCommand.commandLine(
                settings -> {
                  throw new AssertionError("remote mode starts no server");
                },
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true),
                new PrintWriter(err, true))
            .execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  private static Result login(Path config) {
    Result login =
        runWith(
            PASSWORD + "\n",
            "login",
            url,
            "--email",
            EMAIL,
            "--password-stdin",
            "--config",
            config.toString());
    assertThat(login.exit()).as(login.err()).isZero();
    return login;
  }

  private static RemoteClient client(Path config) {
    return RemoteClient.open(new CredentialsStore(config), url);
  }

  private static ServerCredentials.Session session(Path config) {
    ServerCredentials.Session session =
        new CredentialsStore(config).find(url).orElseThrow().session();
    assertThat(session).isNotNull();
    return session;
  }

  /** Waits until the server refuses an access token: it expired. */
  private static void awaitRefused(String accessToken) {
    Http holder = anonymous.withBearer(accessToken);
    await("the access token expires", () -> holder.get("/api/repos").statusCode() == 401);
  }

  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 90 s: " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static void send(PipedOutputStream requests, String lines) throws IOException {
    requests.write(lines.getBytes(StandardCharsets.UTF_8));
    requests.flush();
  }

  private static List<JsonNode> answers(ByteArrayOutputStream out) {
    return out.toString(StandardCharsets.UTF_8).lines().map(JSON::readTree).toList();
  }

  private static JsonNode byId(List<JsonNode> answers, int id) {
    return answers.stream()
        .filter(a -> a.has("id") && a.get("id").asInt() == id)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no answer " + id + " in " + answers));
  }
}
