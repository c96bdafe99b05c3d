package dev.atelier.codeintel.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.codeintel.EmbeddingProgress;
import dev.atelier.events.Event;
import dev.atelier.events.EventBus;
import dev.atelier.repos.IndexEvents;
import dev.atelier.repos.RepositoryId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class EmbeddingEventsTest {

  record Published(String topic, String type, Object payload) {}

  @Test
  @SuppressWarnings("unchecked")
  void progressEventsSayHowMuchOfEachRepositorysCodeOutsideTestsIsCovered() {
    List<Published> published = new ArrayList<>();
    EventBus bus =
        new EventBus() {
          @Override
          public Event publish(long orgId, String topic, String type, Object payload) {
            throw new UnsupportedOperationException("progress is a signal, never logged");
          }

          @Override
          public Event signal(long orgId, String topic, String type, Object payload) {
            published.add(new Published(topic, type, payload));
            return new Event(0, orgId, topic, type, Instant.now(), "{}");
          }

          @Override
          public Subscription subscribe(
              long orgId,
              Collection<String> topics,
              @Nullable Long afterId,
              Consumer<Event> listener) {
            throw new UnsupportedOperationException();
          }
        };
    EmbeddingProgress small = new EmbeddingProgress(4, 4, 0, 3, 3);
    EmbeddingProgress large = new EmbeddingProgress(10, 3, 0, 6, 2);

    new EmbeddingEvents(bus, org -> Map.of(1L, small, 2L, large))
        .onProgress(7, new EmbeddingProgress(14, 7, 2.0, 9, 5));

    assertThat(published).hasSize(2);
    assertThat(published).extracting(Published::type).containsOnly(EmbeddingEvents.PROGRESS);
    Published first =
        published.stream()
            .filter(p -> p.topic().equals(IndexEvents.topic(new RepositoryId(1))))
            .findFirst()
            .orElseThrow();
    assertThat((Map<Object, Object>) first.payload())
        .containsEntry("repository", 1L)
        .containsEntry("total", 4L)
        .containsEntry("done", 4L)
        .containsEntry("coreTotal", 3L)
        .containsEntry("coreDone", 3L);
    Published second =
        published.stream()
            .filter(p -> p.topic().equals(IndexEvents.topic(new RepositoryId(2))))
            .findFirst()
            .orElseThrow();
    assertThat((Map<Object, Object>) second.payload())
        .containsEntry("repository", 2L)
        .containsEntry("coreTotal", 6L)
        .containsEntry("coreDone", 2L)
        .containsEntry("chunksPerSecond", 2.0);
  }
}
