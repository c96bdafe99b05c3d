package dev.atelier.identity.internal.token;

import dev.atelier.identity.internal.ApiKeyScope;
import dev.atelier.identity.internal.ApiKeys;
import dev.atelier.identity.internal.RateLimits;
import dev.atelier.identity.internal.account.Orgs;
import dev.atelier.identity.internal.account.Users;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.Database;
import dev.atelier.platform.Redis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.function.Supplier;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * What checking a caller costs per request, in process (the wrk figures of scripts/bench-auth are
 * dominated by HTTP on a loaded machine): an access token (JWT signature, claims, then session and
 * membership from a one-second cache over SQLite), an API key (cached lookup), the rate limiter in
 * memory and in Redis, and one Argon2id password check (what a sign-in costs by design). Not a
 * test: no JUnit, not run by the build.
 *
 * <p>Run: {@code java -cp <test+main classpath>
 * dev.atelier.identity.internal.token.AccessCheckBenchmark [calls] [redis-url]}.
 */
public final class AccessCheckBenchmark {

  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    String redisUrl = args.length > 1 ? args[1] : null;
    Path data = Files.createTempDirectory("access-bench");
    Clock clock = Clock.systemUTC();
    try (Database database = Database.open(AtelierSettings.local(data))) {
      Users users = new Users(database, clock);
      Orgs orgs = new Orgs(database, clock);
      long user = users.create("bench@example.com", "Bench", null, true).id();
      long org = orgs.create("Bench", user).id();
      SigningKeys keys =
          new SigningKeys(
              database,
              new SecretBox(new byte[32]),
              clock,
              Duration.ofDays(30),
              Duration.ofMinutes(20));
      AccessTokens tokens = new AccessTokens(keys, clock, Duration.ofMinutes(15));
      AuthSessions sessions = new AuthSessions(database, clock, Duration.ofDays(7));
      String sid = sessions.start(user, org, "bench", "127.0.0.1").session().id();
      AccessGate gate = new AccessGate(tokens, sessions, orgs);
      String token = tokens.issue(user, org, sid).token();
      ApiKeys apiKeys = new ApiKeys(database, clock);
      String key =
          apiKeys
              .create(org, Long.toString(user), "bench", EnumSet.of(ApiKeyScope.READ), null, false)
              .secret();

      report("access token (JWT + session/role)", calls, () -> gate.admit(token));
      report("API key (cached lookup)", calls, () -> apiKeys.authenticate(key));
      try (RateLimits memory = RateLimits.inMemory(1_000_000_000L, 1_000_000_000L)) {
        report("rate limit, in memory", calls, () -> memory.take("caller:bench", false));
      }
      if (redisUrl != null) {
        try (Redis redis = Redis.connect(redisUrl);
            RateLimits shared =
                RateLimits.inRedis(
                    redis.connectBinary(), "bench:", 1_000_000_000L, 1_000_000_000L)) {
          report("rate limit, Redis", calls / 20, () -> shared.take("caller:bench", false));
        }
      }
      Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
      String hash = encoder.encode("benchmark-passphrase");
      report("Argon2id password check", 50, () -> encoder.matches("benchmark-passphrase", hash));
    }
  }

  private static void report(String label, int calls, Supplier<?> call) {
    int seen = 0;
    for (int i = 0; i < Math.min(calls, 20_000); i++) {
      seen += call.get().hashCode() & 1;
    }
    long[] nanos = new long[calls];
    for (int i = 0; i < calls; i++) {
      long start = System.nanoTime();
      seen += call.get().hashCode() & 1;
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf(
        "%-36s p50 %8.1f us  p95 %8.1f us  p99 %8.1f us  (n=%d)%n",
        label,
        nanos[calls / 2] / 1e3,
        nanos[(int) (calls * 0.95)] / 1e3,
        nanos[(int) (calls * 0.99)] / 1e3,
        calls);
    // Printed so that the JIT cannot drop the calls as unused.
    System.out.print(seen < 0 ? "!" : "");
  }
}
