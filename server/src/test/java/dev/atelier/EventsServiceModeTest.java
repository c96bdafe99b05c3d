package dev.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.events.EventBus;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.testing.Http;
import dev.atelier.testing.OpenTopics;
import dev.atelier.testing.ServiceTestEnvironment;
import dev.atelier.testing.SseClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Events cross service-mode nodes through this machine's real Redis. */
class EventsServiceModeTest {

  @RegisterExtension static final ServiceTestEnvironment services = new ServiceTestEnvironment();

  @TempDir Path workspace;

  @Test
  void anEventPublishedOnOneNodeReachesASubscriberOfAnotherAndReplaysThere() throws Exception {
    AtelierSettings settings =
        AtelierSettings.local(workspace)
            .withPort(0)
            .withService(services.databaseUrl(), services.redisUrl());
    AtelierServer launcher = new AtelierServer();
    CompletableFuture<AtelierServer.Started> firstStart =
        CompletableFuture.supplyAsync(() ->
            launcher.start(settings, Map.of(), Map.of("openRepoTopics", new OpenTopics("repo"))));
    CompletableFuture<AtelierServer.Started> secondStart =
        CompletableFuture.supplyAsync(() ->
            launcher.start(settings, Map.of(), Map.of("openRepoTopics", new OpenTopics("repo"))));
    AtelierServer.Started first = firstStart.join();
    AtelierServer.Started second = secondStart.join();
    try {
      String topic = "repo:" + System.nanoTime();
      Http secondNode = Http.withInstallToken(second.server().url(), workspace.resolve(".atelier"));
      EventBus publisher = first.context().getBean(EventBus.class);
      String seen;
      try (SseClient sse = new SseClient(secondNode, "/api/events?topic=" + topic, null)) {
        assertThat(sse.nextComment(Duration.ofSeconds(5))).isEqualTo("subscribed");
        publisher.publish(1, topic, "index.completed", Map.of("files", 3));

        SseClient.Received received = sse.nextEvent(Duration.ofSeconds(5));
        assertThat(received).isNotNull();
        assertThat(received.event()).isEqualTo("index.completed");
        assertThat(received.data()).contains("\"files\":3").contains(topic);
        seen = received.id();
      }
      publisher.publish(1, topic, "index.failed", Map.of("message", "missed"));

      // The replay log is shared: a reconnect to the second node replays what the first logged.
      try (SseClient sse = new SseClient(secondNode, "/api/events?topic=" + topic, seen)) {
        SseClient.Received replayed = sse.nextEvent(Duration.ofSeconds(5));
        assertThat(replayed).isNotNull();
        assertThat(replayed.event()).isEqualTo("index.failed");
        assertThat(Long.parseLong(replayed.id())).isGreaterThan(Long.parseLong(seen));
      }
    } finally {
      first.server().stop();
      second.server().stop();
    }
  }
}
