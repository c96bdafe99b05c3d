package dev.atelier.cli;

import dev.atelier.platform.AtelierException;
import dev.atelier.platform.PlatformError;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Stack;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code atelier login URL}: signs in to a server with email and password (or stores an API key) so
 * that {@code search}, {@code tool} and {@code mcp} can run against it with {@code --remote}. The
 * password is read without echo and never stored; the tokens go to an owner-only file.
 */
@Command(
    name = "login",
    mixinStandardHelpOptions = true,
    description = {
      "Log in to an Atelier server, for --remote on search, tool and mcp.",
      "Asks for the email and password (without echo), or reads the password from stdin with"
          + " --password-stdin; --key stores an API key (atl_...) or an install token instead."
          + " Credentials go to ~/.config/atelier/credentials.json (0600), one entry per server."
    })
final class LoginCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "URL",
      description = "The server, e.g. https://atelier.example.com")
  String url = "";

  @Option(
      names = "--email",
      paramLabel = "EMAIL",
      description = "The account (asked when not given).")
  @Nullable String email;

  @Option(
      names = "--password-stdin",
      description =
          "Read the password (or, with --key alone, the key) from the first line of stdin.")
  boolean fromStdin;

  @Option(
      names = "--key",
      arity = "0..1",
      paramLabel = "KEY",
      preprocessor = KeyOrPrompt.class,
      description =
          "Store this API key (or install token) instead of signing in; without a value it is read"
              + " like a password.")
  @Nullable String key;

  @Mixin ConfigOption config = new ConfigOption();

  private final InputStream stdin;
  private final JsonMapper json = JsonMapper.builder().build();

  LoginCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() {
    String server = RemoteClient.serverUrl(url);
    CredentialsStore store = config.store();
    ServerCredentials credentials =
        key != null ? withKey(server, key.isEmpty() ? secret("API key: ") : key) : signIn(server);
    store.save(credentials);
    spec.commandLine()
        .getOut()
        .printf(
            "Logged in to %s as %s; credentials in %s%n",
            server, credentials.account(), store.file());
    return 0;
  }

  private ServerCredentials signIn(String server) {
    String account = email != null ? email : ask("Email: ");
    String password = secret("Password for " + account + ": ");
    HttpResponse<String> response =
        RemoteClient.anonymous(
            server,
            HttpRequest.newBuilder(URI.create(server + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        json.writeValueAsString(Map.of("email", account, "password", password)),
                        StandardCharsets.UTF_8)));
    if (response.statusCode() == 401) {
      throw new AtelierException(
          PlatformError.UNAUTHENTICATED, server + " refused the email or password");
    }
    if (response.statusCode() != 200) {
      throw RemoteErrors.refused(server, response);
    }
    JsonNode tokens = RemoteClient.json(server, response);
    return new ServerCredentials(
        server,
        RemoteClient.account(tokens.path("identity")),
        null,
        RemoteClient.session(tokens, Clock.systemUTC()));
  }

  // The key is checked before it is stored: a typo should fail here, not on the first search.
  private ServerCredentials withKey(String server, String bearer) {
    HttpResponse<String> repos =
        RemoteClient.anonymous(
            server,
            HttpRequest.newBuilder(URI.create(server + "/api/repos"))
                .header("Authorization", "Bearer " + bearer)
                .GET());
    if (repos.statusCode() == 401) {
      throw new AtelierException(
          PlatformError.UNAUTHENTICATED,
          server + " refused the key: " + RemoteErrors.detail(repos));
    }
    if (repos.statusCode() != 200 && repos.statusCode() != 403) {
      throw RemoteErrors.refused(server, repos);
    }
    HttpResponse<String> me =
        RemoteClient.anonymous(
            server,
            HttpRequest.newBuilder(URI.create(server + "/api/me"))
                .header("Authorization", "Bearer " + bearer)
                .GET());
    String account = "a key";
    if (me.statusCode() == 200) {
      JsonNode node = RemoteClient.json(server, me);
      account =
          node.path("displayName").asString("?")
              + " ("
              + node.path("role").asString("?")
              + ", "
              + node.path("credential").asString("key").replace('_', ' ')
              + ")";
    }
    return new ServerCredentials(server, account, bearer, null);
  }

  private String ask(String prompt) {
    Console console = System.console();
    if (fromStdin || console == null) {
      throw new AtelierException(PlatformError.BAD_REQUEST, "give the account with --email");
    }
    String line = console.readLine("%s", prompt);
    if (line == null || line.isBlank()) {
      throw new AtelierException(PlatformError.BAD_REQUEST, "no email given");
    }
    return line.strip();
  }

  /** A password or key: from stdin with --password-stdin, else from the console without echo. */
  private String secret(String prompt) {
    String value;
    if (fromStdin) {
      try {
        String line =
            new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
        value = line == null ? "" : line.strip();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read stdin", e);
      }
    } else {
      Console console = System.console();
      if (console == null) {
        throw new AtelierException(
            PlatformError.BAD_REQUEST,
            "no terminal to ask on; pipe the secret in with --password-stdin");
      }
      char[] typed = console.readPassword("%s", prompt);
      value = typed == null ? "" : new String(typed).strip();
      if (typed != null) {
        Arrays.fill(typed, ' ');
      }
    }
    if (value.isEmpty()) {
      throw new AtelierException(PlatformError.BAD_REQUEST, "nothing was given");
    }
    return value;
  }

  /**
   * {@code --key} takes the next argument unless it is the URL or another option: {@code login
   * --key URL} asks for the key instead of taking the URL for one.
   */
  static final class KeyOrPrompt implements CommandLine.IParameterPreprocessor {
    @Override
    public boolean preprocess(
        Stack<String> args, CommandSpec commandSpec, ArgSpec argSpec, Map<String, Object> info) {
      if (" ".equals(info.get("separator"))
          && (args.isEmpty()
              || args.peek().startsWith("-")
              || args.peek().startsWith("http://")
              || args.peek().startsWith("https://"))) {
        args.push("");
      }
      return false;
    }
  }
}
