package dev.atelier.identity.internal;

import static java.util.Objects.requireNonNull;

import dev.atelier.identity.LoginLinks;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The outstanding one-time login codes of this process, each with its expiry. Held in memory on
 * purpose: a restart voids every link not yet opened, and {@code serve} prints a new one.
 */
public final class LoginCodes implements LoginLinks {

  static final String LOGIN_PATH = "/api/auth/local";
  private static final int MAX_OUTSTANDING = 1_000;

  private final Map<String, Instant> outstanding = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  public LoginCodes(Clock clock) {
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public String newLoginPath(LinkUse use) {
    return LOGIN_PATH + "?code=" + issue(use);
  }

  public String issue(LinkUse use) {
    Duration lifetime =
        switch (use) {
          case STARTUP -> Duration.ofHours(24);
          case IMMEDIATE -> Duration.ofMinutes(5);
        };
    purgeExpired();
    if (outstanding.size() >= MAX_OUTSTANDING) {
      throw new IllegalStateException("too many login links outstanding; try again in a minute");
    }
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    outstanding.put(code, clock.instant().plus(lifetime));
    return code;
  }

  /** Spends a code: true once for a code that was issued and has not expired, false ever after. */
  public boolean redeem(String code) {
    Instant expiry = outstanding.remove(code);
    return expiry != null && clock.instant().isBefore(expiry);
  }

  private void purgeExpired() {
    Instant now = clock.instant();
    outstanding.values().removeIf(expiry -> !now.isBefore(expiry));
  }
}
