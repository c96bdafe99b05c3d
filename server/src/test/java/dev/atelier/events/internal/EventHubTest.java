package dev.atelier.events.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.events.Event;
import dev.atelier.events.EventBus;
import dev.atelier.events.EventsError;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.Database;
import dev.atelier.platform.Sql;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The bus over a real SQLite replay log. */
class EventHubTest {

  @TempDir Path data;
  private Database database;
  private Sql sql;
  private EventLog eventLog;
  private EventHub hub;
  private final List<Event> received = new CopyOnWriteArrayList<>();

  @BeforeEach
  void open() {
    database = Database.open(AtelierSettings.local(data));
    sql = new Sql(database.dataSource(), database.vendor());
    eventLog = new EventLog(sql);
    hub = hub(2);
  }

  private EventHub hub(int maxSubscribers) {
    return new EventHub(
        JsonMapper.builder().build(), eventLog, maxSubscribers, EventHub.inProcess());
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void capsSubscribersAndFreesASlotOnClose() {
    EventBus.Subscription first = hub.subscribe(1, List.of("repo:1"), null, received::add);
    hub.subscribe(1, List.of("repo:2"), null, received::add);

    assertThatThrownBy(() -> hub.subscribe(1, List.of("repo:3"), null, received::add))
        .isInstanceOf(AtelierException.class)
        .satisfies(e ->
            assertThat(((AtelierException) e).errorCode())
                .isEqualTo(EventsError.TOO_MANY_SUBSCRIBERS));
    first.close();
    first.close();
    assertThat(hub.subscriberCount()).isOne();
    hub.subscribe(1, List.of("repo:3"), null, received::add);
  }

  @Test
  void replaysLoggedEventsAfterAnIdInOrderAndNeverSignals() {
    Event first = hub.publish(1, "repo:1", "index.completed", Map.of("n", 1));
    hub.signal(1, "repo:1", "index.progress", Map.of("done", 5));
    hub.publish(1, "repo:2", "index.completed", Map.of("n", 2));
    hub.publish(1, "repo:9", "index.completed", Map.of("n", 9));
    hub.publish(1, "repo:1", "index.failed", Map.of("n", 3));

    hub.subscribe(1, List.of("repo:1", "repo:2"), first.id(), received::add);

    assertThat(received).extracting(Event::payloadJson).containsExactly("{\"n\":2}", "{\"n\":3}");
    assertThat(received).allMatch(Event::durable);
  }

  @Test
  void aNewHubOnTheSameDatabaseReplaysWhatTheOldOneLogged() {
    Event before = hub.publish(1, "channel:4", "newMessage", Map.of("messageId", 1));
    hub.publish(1, "channel:4", "newMessage", Map.of("messageId", 2));
    hub.close();

    EventHub restarted = hub(4);
    restarted.subscribe(1, List.of("channel:4"), before.id(), received::add);

    assertThat(received).extracting(Event::payloadJson).containsExactly("{\"messageId\":2}");
  }

  @Test
  void anotherOrgsEventsNeverReachASubscriberLiveOrReplayed() {
    Event mark = hub.publish(1, "channel:4", "newMessage", Map.of("from", "org 1"));
    hub.publish(2, "channel:4", "newMessage", Map.of("from", "org 2, replayed"));

    hub.subscribe(1, List.of("channel:4"), mark.id() - 1, received::add);
    hub.publish(2, "channel:4", "newMessage", Map.of("from", "org 2, live"));
    hub.signal(2, "channel:4", "typing", Map.of("from", "org 2, signal"));
    hub.publish(1, "channel:4", "newMessage", Map.of("from", "org 1, live"));

    assertThat(received)
        .extracting(Event::payloadJson)
        .containsExactly("{\"from\":\"org 1\"}", "{\"from\":\"org 1, live\"}");
  }

  @Test
  void aSubscriberWhoseIdIsOlderThanTheLogGetsAResyncFirst() {
    Event old = hub.publish(1, "repo:1", "index.completed", Map.of("n", 1));
    hub.publish(1, "repo:1", "index.completed", Map.of("n", 2));
    hub.publish(1, "repo:1", "index.completed", Map.of("n", 3));

    assertThat(eventLog.prune(Instant.EPOCH, 1)).isEqualTo(2);
    hub.subscribe(1, List.of("repo:1"), old.id(), received::add);

    assertThat(received)
        .extracting(Event::type)
        .containsExactly(EventBus.RESYNC, "index.completed");
    assertThat(received.get(1).payloadJson()).isEqualTo("{\"n\":3}");
  }

  @Test
  void anEventPublishedInsideATransactionIsDeliveredOnlyWhenItCommits() {
    hub.subscribe(1, List.of("repo:1"), null, received::add);

    assertThatThrownBy(() ->
            sql.inTransaction(() -> {
              hub.publish(1, "repo:1", "index.completed", Map.of("n", "rolled back"));
              throw new IllegalStateException("the change failed");
            }))
        .isInstanceOf(IllegalStateException.class);
    sql.inTransaction(() -> {
      hub.publish(1, "repo:1", "index.completed", Map.of("n", "committed"));
      assertThat(received).isEmpty();
    });

    assertThat(received).extracting(Event::payloadJson).containsExactly("{\"n\":\"committed\"}");
    assertThat(eventLog.after(1, List.of("repo:1"), 0).events()).hasSize(1);
  }

  @Test
  void deliversOnlyTheSubscribedTopicsAndNoMoreAfterClose() {
    EventBus.Subscription subscription =
        hub.subscribe(1, List.of("repo:1", "repo:2"), null, received::add);
    hub.publish(1, "repo:1", "a", Map.of());
    hub.publish(1, "repo:3", "b", Map.of());
    hub.signal(1, "repo:2", "c", Map.of());
    subscription.close();
    hub.publish(1, "repo:1", "d", Map.of());

    assertThat(received).extracting(Event::type).containsExactly("a", "c");
  }

  @Test
  void refusesBadTopics() {
    assertThatThrownBy(() -> hub.publish(1, "no topic", "a", Map.of()))
        .isInstanceOf(AtelierException.class)
        .hasMessageContaining("invalid topic");
    assertThatThrownBy(() -> hub.subscribe(1, List.of(), null, received::add))
        .isInstanceOf(AtelierException.class);
  }
}
