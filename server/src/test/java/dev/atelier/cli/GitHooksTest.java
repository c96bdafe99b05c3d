package dev.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.atelier.platform.AtelierException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code atelier hook install|uninstall} on real git repositories, against a real HTTP server. */
class GitHooksTest {

  @TempDir Path repo;
  private HttpServer server;
  private final BlockingQueue<JsonNode> posted = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> authorizations = new LinkedBlockingQueue<>();
  private final JsonMapper json = JsonMapper.builder().build();

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/notify/file-changed",
        exchange -> {
          authorizations.add(
              String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
          posted.add(json.readTree(exchange.getRequestBody().readAllBytes()));
          exchange.sendResponseHeaders(202, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private String git(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile());
    Map<String, String> env = builder.environment();
    env.put("GIT_CONFIG_GLOBAL", "/dev/null");
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_AUTHOR_NAME", "Test");
    env.put("GIT_AUTHOR_EMAIL", "test@example.com");
    env.put("GIT_COMMITTER_NAME", "Test");
    env.put("GIT_COMMITTER_EMAIL", "test@example.com");
    env.remove("ATELIER_URL");
    builder.redirectErrorStream(true);
    Process process = builder.start();
    CompletableFuture<String> output =
        CompletableFuture.supplyAsync(() -> {
          try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            return e.toString();
          }
        });
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String text = output.get(5, TimeUnit.SECONDS);
    assertThat(process.exitValue()).as(text).isZero();
    return text;
  }

  private int atelier(String... args) {
    return AtelierCommand.commandLine(
            settings -> {
              throw new AssertionError("hook must not start a server");
            },
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(new StringWriter(), true))
        .execute(args);
  }

  private JsonNode nextPost() throws InterruptedException {
    JsonNode body = posted.poll(10, TimeUnit.SECONDS);
    assertThat(body).as("the hook posted to the server").isNotNull();
    return body;
  }

  private static List<String> paths(JsonNode body) {
    List<String> paths = new ArrayList<>();
    body.get("paths").forEach(path -> paths.add(path.asString()));
    return paths;
  }

  @Test
  void realCommitsCheckoutsAndMergesPostTheirChangedPaths() throws Exception {
    git("init", "-q", "-b", "main");
    assertThat(atelier("hook", "install", repo.toString(), "--url", url())).isZero();

    Files.writeString(repo.resolve("a.txt"), "a");
    Files.createDirectories(repo.resolve("src"));
    Files.writeString(repo.resolve("src/b with space.java"), "b");
    git("add", "-A");
    git("commit", "-q", "-m", "first");
    JsonNode first = nextPost();
    assertThat(authorizations.poll())
        .isEqualTo(
            "Bearer "
                + dev.atelier.identity.InstallToken.loadOrCreate(repo.resolve(".atelier"))
                    .reveal());
    assertThat(first.get("location").asString()).isEqualTo(repo.toRealPath().toString());
    assertThat(first.get("branch").asString()).isEqualTo("main");
    assertThat(first.get("full").asBoolean()).isFalse();
    assertThat(paths(first)).containsExactlyInAnyOrder("a.txt", "src/b with space.java");

    git("mv", "a.txt", "renamed\"quote.txt");
    git("commit", "-q", "-m", "rename to a name git quotes");
    JsonNode quoted = nextPost();
    assertThat(quoted.get("full").asBoolean())
        .as("a quoted name turns into a full rescan")
        .isTrue();

    git("mv", "renamed\"quote.txt", "c.txt");
    git("commit", "-q", "-m", "rename back");
    assertThat(nextPost().get("full").asBoolean()).isTrue();

    git("mv", "c.txt", "e.txt");
    git("commit", "-q", "-m", "rename");
    assertThat(paths(nextPost()))
        .as("a rename names both sides")
        .containsExactlyInAnyOrder("c.txt", "e.txt");

    git("checkout", "-q", "-b", "topic");
    Files.writeString(repo.resolve("d.txt"), "d");
    git("add", "d.txt");
    git("commit", "-q", "-m", "topic");
    JsonNode onTopic = nextPost();
    assertThat(onTopic.get("branch").asString()).isEqualTo("topic");
    assertThat(paths(onTopic)).containsExactly("d.txt");

    git("checkout", "-q", "main");
    JsonNode checkout = nextPost();
    assertThat(checkout.get("branch").asString()).isEqualTo("main");
    assertThat(paths(checkout)).containsExactly("d.txt");

    git("merge", "-q", "--ff-only", "topic");
    JsonNode merge = nextPost();
    assertThat(paths(merge)).containsExactly("d.txt");
    assertThat(posted.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void chainsAnExistingHookIdempotentlyAndUninstallRestoresIt() throws Exception {
    git("init", "-q", "-b", "main");
    Path hooks = repo.resolve(".git/hooks");
    Files.createDirectories(hooks);
    String original = "#!/bin/bash\necho original >> \"$(git rev-parse --git-dir)/ran\"\nexit 0\n";
    Files.writeString(hooks.resolve("post-commit"), original);

    assertThat(atelier("hook", "install", repo.toString(), "--url", url())).isZero();
    assertThat(atelier("hook", "install", repo.toString(), "--url", url())).isZero();

    for (String hook : GitHooks.HOOKS) {
      Path file = hooks.resolve(hook);
      assertThat(Files.isExecutable(file)).as(hook).isTrue();
      String content = Files.readString(file);
      assertThat(content.split(java.util.regex.Pattern.quote(GitHooks.BEGIN), -1)).hasSize(2);
    }
    String chained = Files.readString(hooks.resolve("post-commit"));
    assertThat(chained).startsWith("#!/bin/bash\n" + GitHooks.BEGIN).endsWith("exit 0\n");

    Files.writeString(repo.resolve("x.txt"), "x");
    git("add", "x.txt");
    git("commit", "-q", "-m", "x");
    assertThat(paths(nextPost())).containsExactly("x.txt");
    assertThat(Files.readString(repo.resolve(".git/ran"))).isEqualTo("original\n");

    assertThat(atelier("hook", "uninstall", repo.toString())).isZero();
    assertThat(Files.readString(hooks.resolve("post-commit"))).isEqualTo(original);
    assertThat(hooks.resolve("post-checkout")).doesNotExist();
    assertThat(hooks.resolve("post-merge")).doesNotExist();
  }

  @Test
  void honoursCoreHooksPath() throws Exception {
    git("init", "-q", "-b", "main");
    git("config", "core.hooksPath", "tools/hooks");

    assertThat(GitHooks.hooksDir(repo)).isEqualTo(repo.resolve("tools/hooks").toAbsolutePath());
    assertThat(atelier("hook", "install", repo.toString(), "--url", url())).isZero();
    assertThat(repo.resolve("tools/hooks/post-merge")).isExecutable();
  }

  @Test
  void aHookWithoutAServerDoesNotFailOrSlowGit() throws Exception {
    git("init", "-q", "-b", "main");
    server.stop(0);
    assertThat(atelier("hook", "install", repo.toString(), "--url", url())).isZero();

    Files.writeString(repo.resolve("x.txt"), "x");
    git("add", "x.txt");
    long started = System.nanoTime();
    git("commit", "-q", "-m", "x");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(2000);
  }

  @Test
  void refusesToChainIntoANonShellHookAndABadUrl() throws Exception {
    git("init", "-q", "-b", "main");
    Path hooks = repo.resolve(".git/hooks");
    Files.createDirectories(hooks);
    Files.writeString(hooks.resolve("post-merge"), "#!/usr/bin/env python3\nprint('hi')\n");

    assertThatThrownBy(() -> GitHooks.install(hooks, url(), repo.resolve(".atelier/mcp-token")))
        .isInstanceOf(AtelierException.class)
        .hasMessageContaining("not a shell script");
    assertThat(hooks.resolve("post-commit")).doesNotExist();
    assertThatThrownBy(() ->
            GitHooks.install(hooks, "http://x/$(rm -rf ~)", repo.resolve(".atelier/mcp-token")))
        .isInstanceOf(AtelierException.class);
  }

  @Test
  void helpWorksWithoutARepository() {
    StringWriter out = new StringWriter();
    int exit =
        AtelierCommand.commandLine(
                settings -> {
                  throw new AssertionError();
                },
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true))
            .execute("hook", "install", "--help");

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("Usage: atelier hook install").contains("--url");
  }
}
