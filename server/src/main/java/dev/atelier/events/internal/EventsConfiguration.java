package dev.atelier.events.internal;

import dev.atelier.platform.Database;
import dev.atelier.platform.Redis;
import dev.atelier.platform.Sql;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The node's event bus over the shared replay log: in-process in local mode, across nodes through
 * Redis in service mode (the {@link Redis} bean exists only there).
 */
@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

  @Bean
  EventLog eventLog(Database database) {
    return new EventLog(new Sql(database.dataSource(), database.vendor()));
  }

  @Bean(destroyMethod = "close")
  EventHub eventHub(
      JsonMapper json,
      EventLog eventLog,
      ObjectProvider<Redis> redis,
      @Value("${atelier.events.max-subscribers:20000}") int maxSubscribers) {
    Redis shared = redis.getIfAvailable();
    if (shared == null) {
      return new EventHub(json, eventLog, maxSubscribers, EventHub.inProcess());
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
    hub[0] = new EventHub(json, eventLog, maxSubscribers, relay);
    return hub[0];
  }

  @Bean(destroyMethod = "close")
  Presence presence(
      EventHub hub,
      ObjectProvider<Redis> redis,
      @Value("${atelier.events.presence-grace:5s}") Duration grace) {
    return new Presence(hub, redis.getIfAvailable(), grace, Clock.systemUTC());
  }
}
