package dev.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.cli.RunningServer;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.testing.Http;
import dev.atelier.testing.ServiceTestEnvironment;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Request budgets: per address when anonymous, per caller otherwise, across nodes via Redis. */
class RateLimitServeTest {

  @RegisterExtension static final ServiceTestEnvironment services = new ServiceTestEnvironment();

  @Test
  void anAnonymousAddressAndACallerEachHaveTheirOwnBudget(@TempDir Path workspace) {
    RunningServer server =
        new AtelierServer()
            .start(
                AtelierSettings.local(workspace).withPort(0),
                Map.of(
                    "atelier.rate-limit.anonymous-per-minute", "3",
                    "atelier.rate-limit.caller-per-minute", "5"),
                Map.of())
            .server();
    try {
      Http owner = Http.withInstallToken(server.url(), workspace.resolve(".atelier"));
      Http anonymous = owner.anonymous();
      for (int i = 0; i < 3; i++) {
        HttpResponse<String> allowed = anonymous.get("/api/repos");
        assertThat(allowed.statusCode()).isEqualTo(401);
        assertThat(allowed.headers().firstValue("RateLimit-Remaining"))
            .hasValue(Integer.toString(2 - i));
      }
      HttpResponse<String> refused = anonymous.get("/api/repos");
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Retry-After")).isPresent();
      assertThat(refused.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(anonymous.get("/api/health").statusCode())
          .as("health is not counted")
          .isEqualTo(200);

      for (int i = 0; i < 5; i++) {
        assertThat(owner.get("/api/repos").statusCode()).isEqualTo(200);
      }
      assertThat(owner.get("/api/repos").statusCode()).isEqualTo(429);
    } finally {
      server.stop();
    }
  }

  @Test
  void aLimitHoldsAcrossTwoNodesThroughRedis(@TempDir Path workspace) {
    AtelierSettings settings =
        AtelierSettings.local(workspace)
            .withPort(0)
            .withService(services.databaseUrl(), services.redisUrl());
    Map<String, Object> properties =
        Map.of(
            "atelier.rate-limit.caller-per-minute",
            "4",
            "atelier.rate-limit.namespace",
            "atelier-test:" + UUID.randomUUID() + ":");
    AtelierServer launcher = new AtelierServer();
    CompletableFuture<AtelierServer.Started> firstStart =
        CompletableFuture.supplyAsync(() -> launcher.start(settings, properties, Map.of()));
    CompletableFuture<AtelierServer.Started> secondStart =
        CompletableFuture.supplyAsync(() -> launcher.start(settings, properties, Map.of()));
    RunningServer first = firstStart.join().server();
    RunningServer second = secondStart.join().server();
    try {
      Http a = Http.withInstallToken(first.url(), workspace.resolve(".atelier"));
      Http b = Http.withInstallToken(second.url(), workspace.resolve(".atelier"));

      assertThat(a.get("/api/repos").statusCode()).isEqualTo(200);
      assertThat(b.get("/api/repos").statusCode()).isEqualTo(200);
      assertThat(a.get("/api/repos").statusCode()).isEqualTo(200);
      assertThat(b.get("/api/repos").statusCode()).isEqualTo(200);

      assertThat(a.get("/api/repos").statusCode()).isEqualTo(429);
      assertThat(b.get("/api/repos").statusCode()).isEqualTo(429);
    } finally {
      first.stop();
      second.stop();
    }
  }
}
