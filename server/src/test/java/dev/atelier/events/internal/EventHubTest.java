package dev.atelier.events.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.events.Event;
import dev.atelier.events.EventBus;
import dev.atelier.events.EventsError;
import dev.atelier.platform.AtelierException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventHubTest {

  private final EventHub hub =
      new EventHub(JsonMapper.builder().build(), 3, 2, EventHub.inProcess());
  private final List<Event> received = new CopyOnWriteArrayList<>();

  @Test
  void capsSubscribersAndFreesASlotOnClose() {
    EventBus.Subscription first = hub.subscribe(List.of("repo:1"), null, received::add);
    hub.subscribe(List.of("repo:2"), null, received::add);

    assertThatThrownBy(() -> hub.subscribe(List.of("repo:3"), null, received::add))
        .isInstanceOf(AtelierException.class)
        .satisfies(e ->
            assertThat(((AtelierException) e).errorCode())
                .isEqualTo(EventsError.TOO_MANY_SUBSCRIBERS));
    first.close();
    first.close();
    assertThat(hub.subscriberCount()).isOne();
    hub.subscribe(List.of("repo:3"), null, received::add);
  }

  @Test
  void keepsABoundedReplayBufferPerTopic() {
    Event first = hub.publish("repo:1", "index.progress", Map.of("done", 1));
    for (int i = 2; i <= 5; i++) {
      hub.publish("repo:1", "index.progress", Map.of("done", i));
    }
    hub.subscribe(List.of("repo:1"), first.id() - 1, received::add);

    assertThat(received)
        .extracting(Event::payloadJson)
        .containsExactly("{\"done\":3}", "{\"done\":4}", "{\"done\":5}");
  }

  @Test
  void deliversOnlyTheSubscribedTopicsAndNoMoreAfterClose() {
    EventBus.Subscription subscription =
        hub.subscribe(List.of("repo:1", "repo:2"), null, received::add);
    hub.publish("repo:1", "a", Map.of());
    hub.publish("repo:3", "b", Map.of());
    hub.publish("repo:2", "c", Map.of());
    subscription.close();
    hub.publish("repo:1", "d", Map.of());

    assertThat(received).extracting(Event::type).containsExactly("a", "c");
  }

  @Test
  void refusesBadTopics() {
    assertThatThrownBy(() -> hub.publish("no topic", "a", Map.of()))
        .isInstanceOf(AtelierException.class)
        .hasMessageContaining("invalid topic");
    assertThatThrownBy(() -> hub.subscribe(List.of(), null, received::add))
        .isInstanceOf(AtelierException.class);
  }
}
