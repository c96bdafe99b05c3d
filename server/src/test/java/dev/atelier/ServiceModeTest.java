package dev.atelier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.cli.RunningServer;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.PlatformError;
import dev.atelier.testing.Http;
import dev.atelier.testing.ServiceTestEnvironment;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code serve --mode service} against this machine's real PostgreSQL + pgvector and Redis. */
class ServiceModeTest {

  @RegisterExtension static final ServiceTestEnvironment services = new ServiceTestEnvironment();

  @TempDir Path workspace;

  private AtelierSettings settings() {
    return AtelierSettings.local(workspace)
        .withPort(0)
        .withService(services.databaseUrl(), services.redisUrl());
  }

  @Test
  void twoNodesMigrateOneDatabaseTogetherAndBothServe() throws Exception {
    AtelierServer launcher = new AtelierServer();
    CompletableFuture<RunningServer> first =
        CompletableFuture.supplyAsync(() -> launcher.start(settings()));
    CompletableFuture<RunningServer> second =
        CompletableFuture.supplyAsync(() -> launcher.start(settings()));
    List<RunningServer> nodes = List.of(first.join(), second.join());
    try {
      for (RunningServer node : nodes) {
        Http http = new Http(node.url());
        JsonNode health = http.json(http.get("/api/health"));
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("mode").asString()).isEqualTo("service");
        assertThat(health.get("database").asString()).isEqualTo("postgresql");
        assertThat(health.get("redis").asString()).isEqualTo("UP");
      }
      try (Connection connection = services.connect();
          ResultSet migrations =
              connection
                  .createStatement()
                  .executeQuery(
                      "select count(*) from flyway_schema_history where version = '1' and success");
          ResultSet vector =
              connection
                  .createStatement()
                  .executeQuery("select count(*) from pg_extension where extname = 'vector'")) {
        migrations.next();
        vector.next();
        assertThat(migrations.getInt(1)).isEqualTo(1);
        assertThat(vector.getInt(1)).isEqualTo(1);
      }
    } finally {
      nodes.forEach(RunningServer::stop);
    }
  }

  @Test
  void failsFastNamingAnUnreachablePostgres() {
    AtelierSettings unreachable =
        settings().withService("postgresql://postgres@127.0.0.1:1/atelier", services.redisUrl());

    assertThatThrownBy(() -> new AtelierServer().start(unreachable))
        .isInstanceOf(AtelierException.class)
        .hasMessageContaining("PostgreSQL at 127.0.0.1:1/atelier")
        .satisfies(e ->
            assertThat(((AtelierException) e).errorCode())
                .isEqualTo(PlatformError.DATABASE_UNAVAILABLE));
  }

  @Test
  void failsFastNamingAnUnreachableRedis() {
    AtelierSettings unreachable =
        settings().withService(services.databaseUrl(), "redis://127.0.0.1:1");

    assertThatThrownBy(() -> new AtelierServer().start(unreachable))
        .isInstanceOf(AtelierException.class)
        .hasMessageContaining("Redis at 127.0.0.1:1")
        .satisfies(e ->
            assertThat(((AtelierException) e).errorCode())
                .isEqualTo(PlatformError.REDIS_UNAVAILABLE));
  }
}
