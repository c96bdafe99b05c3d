package dev.atelier.identity.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Access tokens over a real (SQLite) key store, with a clock the test moves. */
class AccessTokensTest {

  private static final Duration LIFETIME = Duration.ofMinutes(15);
  private static final Duration ROTATION = Duration.ofDays(30);

  @TempDir Path data;
  private Database database;
  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T10:00:00Z"));

  @BeforeEach
  void open() {
    database = Database.open(AtelierSettings.local(data));
  }

  @AfterEach
  void close() {
    database.close();
  }

  private AccessTokens tokens(byte[] secret) {
    SigningKeys keys =
        new SigningKeys(database, new SecretBox(secret), clock, ROTATION, LIFETIME.plusMinutes(5));
    return new AccessTokens(keys, clock, LIFETIME);
  }

  @Test
  void aTokenIsValidUntilItExpires() {
    AccessTokens tokens = tokens(new byte[32]);
    String token = tokens.issue(7, 3, "session").token();
    AccessTokens.Claims claims = tokens.verify(token);
    assertThat(claims.userId()).isEqualTo(7);
    assertThat(claims.orgId()).isEqualTo(3);
    assertThat(claims.sessionId()).isEqualTo("session");

    clock.advance(LIFETIME);
    assertThatThrownBy(() -> tokens.verify(token)).hasMessageContaining("expired");
  }

  @Test
  void rotatingTheSigningKeyKeepsEarlierTokensValidUntilTheyExpire() {
    AccessTokens tokens = tokens(new byte[32]);
    tokens.issue(1, 1, "s");
    clock.advance(ROTATION.minusMinutes(1));
    String before = tokens.issue(1, 1, "s").token();
    clock.advance(Duration.ofMinutes(2));
    String after = tokens.issue(1, 1, "s").token();

    assertThat(kid(after)).isNotEqualTo(kid(before));
    assertThat(tokens.verify(before).userId()).isEqualTo(1);
    assertThat(tokens.verify(after).userId()).isEqualTo(1);
  }

  @Test
  void anotherNodeWithTheSameSecretKeyVerifiesAndOneWithAnotherDoesNot() {
    String token = tokens(new byte[32]).issue(1, 1, "s").token();
    assertThat(tokens(new byte[32]).verify(token).orgId()).isEqualTo(1);
    byte[] other = new byte[32];
    other[0] = 1;
    assertThatThrownBy(() -> tokens(other).verify(token)).hasMessageContaining("unknown");
  }

  private static String kid(String token) {
    String header =
        new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
    return header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
  }

  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
