package dev.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.events.EventBus;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.testing.Http;
import dev.atelier.testing.ServiceTestEnvironment;
import dev.atelier.testing.SseClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class PostgresEventStreamsServeTest extends EventStreamsServeContract {

  @RegisterExtension static final ServiceTestEnvironment services = new ServiceTestEnvironment();

  @Override
  AtelierSettings settings(Path workspace) {
    return AtelierSettings.local(workspace)
        .withPort(0)
        .withService(services.databaseUrl(), services.redisUrl());
  }

  /**
   * Two more nodes on the same PostgreSQL + Redis: events published on one reach a subscriber of
   * the other live, and a client cut from one node resumes on the other with every event once.
   */
  @Test
  void aClientMovesBetweenNodesAndMissesNothing(@TempDir Path nodes) throws Exception {
    Map<String, Object> shared =
        Map.of(
            "atelier.secret-key",
            Base64.getEncoder().encodeToString(new byte[32]),
            "atelier.auth.registration",
            "open");
    AtelierServer.Started one =
        new AtelierServer()
            .start(settings(nodes.resolve("one")).withAuthRequired(true), shared, Map.of());
    AtelierServer.Started two =
        new AtelierServer()
            .start(settings(nodes.resolve("two")).withAuthRequired(true), shared, Map.of());
    try {
      AccountsServeContract.Session nina =
          AccountsServeContract.register(
              new Http(one.server().url()), "nina-" + System.nanoTime() + "@example.com", "N");
      String topic = "user:" + nina.userId();
      EventBus onOne = one.context().getBean(EventBus.class);
      JsonMapper json = JsonMapper.builder().build();
      List<Integer> seen = new ArrayList<>();
      String last;
      Http ninaOnTwo = new Http(two.server().url()).withBearer(nina.accessToken());
      try (SseClient sse = new SseClient(ninaOnTwo, "/api/events?topic=" + topic, null)) {
        for (int i = 1; i <= 6; i++) {
          onOne.publish(nina.orgId(), topic, "counted", Map.of("n", i));
        }
        SseClient.Received received = null;
        for (int i = 0; i < 3; i++) {
          received = sse.nextEvent(Duration.ofSeconds(5));
          assertThat(received).isNotNull();
          seen.add(json.readTree(received.data()).at("/payload/n").asInt());
        }
        last = received.id();
      }
      onOne.publish(nina.orgId(), topic, "counted", Map.of("n", 7));
      Http ninaOnOne = new Http(one.server().url()).withBearer(nina.accessToken());
      try (SseClient sse = new SseClient(ninaOnOne, "/api/events?topic=" + topic, last)) {
        SseClient.Received received;
        while ((received = sse.nextEvent(Duration.ofSeconds(2))) != null) {
          seen.add(json.readTree(received.data()).at("/payload/n").asInt());
        }
      }
      assertThat(seen).containsExactly(1, 2, 3, 4, 5, 6, 7);
    } finally {
      one.server().stop();
      two.server().stop();
    }
  }
}
