package dev.atelier.events.internal;

import dev.atelier.platform.Redis;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The node's event bus: in-process in local mode, across nodes through Redis in service mode (the
 * {@link Redis} bean exists only there).
 */
@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

  @Bean(destroyMethod = "close")
  EventHub eventHub(
      JsonMapper json,
      ObjectProvider<Redis> redis,
      @Value("${atelier.events.replay-per-topic:256}") int replayPerTopic,
      @Value("${atelier.events.max-subscribers:512}") int maxSubscribers) {
    Redis shared = redis.getIfAvailable();
    if (shared == null) {
      return new EventHub(json, replayPerTopic, maxSubscribers, EventHub.inProcess());
    }
    EventHub[] hub = new EventHub[1];
    RedisEventRelay relay =
        new RedisEventRelay(
            shared,
            json,
            event -> {
              EventHub target = hub[0];
              if (target != null) {
                target.deliver(event);
              }
            });
    hub[0] = new EventHub(json, replayPerTopic, maxSubscribers, relay);
    return hub[0];
  }
}
