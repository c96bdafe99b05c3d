package dev.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.platform.AtelierException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The credentials file's entries and defaults, and how {@code --remote} reads its argument. */
class CredentialsStoreTest {

  @TempDir Path folder;

  private static ServerCredentials key(String url) {
    return new ServerCredentials(url, "a key", "atl_secret", null);
  }

  @Test
  void theServerLoggedInToLastIsTheDefaultAndSeveralWithoutOneMustBeNamed() {
    CredentialsStore store = new CredentialsStore(folder);
    store.save(key("https://a.example.com"));
    store.save(key("https://b.example.com"));

    assertThat(RemoteClient.resolve(store, null).url()).isEqualTo("https://b.example.com");
    assertThat(RemoteClient.resolve(store, "https://a.example.com/").url())
        .isEqualTo("https://a.example.com");

    // A refresh replaces an entry and leaves the default alone.
    store.update(key("https://a.example.com"));
    assertThat(store.read().current()).isEqualTo("https://b.example.com");

    // Logging out of the default leaves one: it is the default now.
    assertThat(store.remove("https://b.example.com")).isTrue();
    assertThat(store.remove("https://b.example.com")).isFalse();
    assertThat(RemoteClient.resolve(store, "").url()).isEqualTo("https://a.example.com");

    // Two left and neither logged in to last: name one.
    store.save(key("https://c.example.com"));
    store.save(key("https://d.example.com"));
    store.remove("https://d.example.com");
    assertThatThrownBy(() -> RemoteClient.resolve(store, null))
        .isInstanceOf(AtelierException.class)
        .hasMessageContaining("logged in to several servers; name one with --remote URL");
    assertThatThrownBy(() -> RemoteClient.resolve(store, "https://z.example.com"))
        .hasMessage(
            "not logged in to https://z.example.com; run `atelier login https://z.example.com`"
                + " first");
    assertThatThrownBy(() -> RemoteClient.resolve(store, "ftp://z.example.com"))
        .hasMessageStartingWith("not a server URL: ftp://z.example.com");
  }

  @Test
  void remoteTakesTheNextArgumentOnlyWhenItIsAUrl() {
    SearchCommand bare = new SearchCommand();
    parser(bare).parseArgs("--remote", "HSR", "--symbols");
    SearchCommand named = new SearchCommand();
    parser(named).parseArgs("HSR", "--remote", "https://a.example.com");
    SearchCommand attached = new SearchCommand();
    parser(attached).parseArgs("--remote=https://a.example.com", "HSR");

    assertThat(bare.remote.remote).isEmpty();
    assertThat(bare.query).isEqualTo("HSR");
    assertThat(named.remote.remote).isEqualTo("https://a.example.com");
    assertThat(attached.remote.remote).isEqualTo("https://a.example.com");
    assertThat(attached.query).isEqualTo("HSR");
  }

  private static CommandLine parser(SearchCommand command) {
    return new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Test
  void toolCallsWithoutARepositoryGetTheDefaultOne() throws Exception {
    String lines =
        """
        {"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"symbols","arguments":{"path":"A.java"}}}
        {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"symbols","arguments":{"repository":"other"}}}
        {"jsonrpc":"2.0","id":3,"method":"tools/list"}
        not json
        """;
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    try (DefaultRepositoryInput in =
        new DefaultRepositoryInput(
            new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), "demo")) {
      in.transferTo(read);
    }

    assertThat(read.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"symbols\","
                + "\"arguments\":{\"path\":\"A.java\",\"repository\":\"demo\"}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"symbols\","
                + "\"arguments\":{\"repository\":\"other\"}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}",
            "not json");
  }
}
