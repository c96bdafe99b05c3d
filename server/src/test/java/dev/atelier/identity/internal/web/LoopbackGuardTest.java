package dev.atelier.identity.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoopbackGuardTest {

  private final LoopbackGuard onLoopback = new LoopbackGuard("127.0.0.1", List.of(), List.of());
  private final LoopbackGuard configured =
      new LoopbackGuard(
          "127.0.0.1", List.of("https://ide.example.com/"), List.of("atelier.internal"));
  private final LoopbackGuard onAllAddresses = new LoopbackGuard("0.0.0.0", List.of(), List.of());

  @ParameterizedTest
  @CsvSource({
    "http://localhost:7420, true",
    "http://127.0.0.1:7420, true",
    "http://[::1]:7420, true",
    "HTTP://LOCALHOST:7420/, true",
    "http://localhost:9999, false",
    "http://localhost, false",
    "https://localhost:7420, false",
    "http://evil.example.com, false",
    "http://localhost.evil.example.com:7420, false",
    "null, false",
    "https://ide.example.com, false"
  })
  void letsInLoopbackOriginsOnItsOwnPortOnly(String origin, boolean allowed) {
    assertThat(onLoopback.allowsOrigin(origin, 7420)).isEqualTo(allowed);
  }

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1:7420, true",
    "localhost, true",
    "[::1]:7420, true",
    "LocalHost:7420, true",
    "evil.example.com:7420, false",
    "localhost.evil.example.com, false",
    "127.0.0.2:7420, false"
  })
  void letsInLoopbackHostNamesOnly(String host, boolean allowed) {
    assertThat(onLoopback.allowsHost(host)).isEqualTo(allowed);
  }

  @ParameterizedTest
  @CsvSource({
    "https://ide.example.com, true",
    "http://ide.example.com, false",
    "http://127.0.0.1:7420, true"
  })
  void letsInConfiguredOrigins(String origin, boolean allowed) {
    assertThat(configured.allowsOrigin(origin, 7420)).isEqualTo(allowed);
  }

  @ParameterizedTest
  @CsvSource({
    "atelier.internal:7420, true",
    "atelier.internal, true",
    "localhost:7420, true",
    "evil.example.com, false"
  })
  void letsInConfiguredHosts(String host, boolean allowed) {
    assertThat(configured.allowsHost(host)).isEqualTo(allowed);
  }

  @ParameterizedTest
  @CsvSource({"evil.example.com:7420", "build-box.lan"})
  void leavesTheHostUncheckedWhenListeningBeyondLoopbackWithNoHostsConfigured(String host) {
    assertThat(onAllAddresses.allowsHost(host)).isTrue();
    assertThat(onAllAddresses.allowsOrigin("http://" + host, 7420)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"localhost", "::1", "[::1]", "127.0.0.1"})
  void treatsEveryLoopbackBindAddressAsLoopback(String address) {
    assertThat(new LoopbackGuard(address, List.of(), List.of()).allowsHost("evil.example.com"))
        .isFalse();
  }

  @org.junit.jupiter.api.Test
  void letsThroughARequestWithoutOriginOrHost() {
    assertThat(onLoopback.allowsOrigin(null, 7420)).isTrue();
    assertThat(onLoopback.allowsHost(null)).isTrue();
  }
}
