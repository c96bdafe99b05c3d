package dev.atelier.codeintel.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.codeintel.EmbeddingProgress;
import dev.atelier.events.Event;
import dev.atelier.events.EventBus;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.repos.IndexEvents;
import dev.atelier.repos.Repository;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingEventsTest {

  record Published(String topic, String type, Object payload) {}

  @TempDir Path tree;
  @TempDir Path data;

  @Test
  @SuppressWarnings("unchecked")
  void progressEventsSayHowMuchOfTheCodeOutsideTestsIsCovered() {
    List<Published> published = new ArrayList<>();
    EventBus bus =
        new EventBus() {
          @Override
          public Event publish(String topic, String type, Object payload) {
            published.add(new Published(topic, type, payload));
            return new Event(published.size(), topic, type, Instant.now(), "{}");
          }

          @Override
          public Subscription subscribe(
              Collection<String> topics, @Nullable Long afterId, Consumer<Event> listener) {
            throw new UnsupportedOperationException();
          }
        };
    try (CodeIntelligence core =
        CodeIntelligence.open(AtelierSettings.local(tree).withDataDir(data), 1)) {
      Repository repository = core.workingTree(tree);

      new EmbeddingEvents(bus, core.repos())
          .onProgress(repository.orgId(), new EmbeddingProgress(10, 7, 2.0, 6, 6));

      assertThat(published).hasSize(1);
      Published event = published.get(0);
      assertThat(event.topic()).isEqualTo(IndexEvents.topic(repository.id()));
      assertThat(event.type()).isEqualTo(EmbeddingEvents.PROGRESS);
      assertThat((Map<Object, Object>) event.payload())
          .containsEntry("total", 10L)
          .containsEntry("done", 7L)
          .containsEntry("coreTotal", 6L)
          .containsEntry("coreDone", 6L);
    }
  }
}
