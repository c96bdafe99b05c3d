package dev.atelier.chat.internal.web;

import dev.atelier.chat.internal.Channels;
import dev.atelier.chat.internal.MessageRenderer;
import dev.atelier.chat.internal.MessageSearch;
import dev.atelier.chat.internal.Messages;
import dev.atelier.identity.OrgDirectory;
import dev.atelier.platform.Database;
import dev.atelier.repos.ReposStorage;
import dev.atelier.repos.Repository;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the plain-Java chat stores as beans for {@code serve}. */
@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

  @Bean
  Channels channels(Database database, OrgDirectory directory) {
    return new Channels(database, Clock.systemUTC(), directory);
  }

  @Bean
  MessageRenderer messageRenderer() {
    return new MessageRenderer();
  }

  // Code links name repositories of the reader's org, asked of the repos module by name.
  @Bean
  Messages messages(
      Database database, OrgDirectory directory, MessageRenderer renderer, ReposStorage repos) {
    return new Messages(
        database,
        Clock.systemUTC(),
        directory,
        renderer,
        orgId -> {
          Map<String, Long> byName = new HashMap<>();
          for (Repository repository : repos.repositories().list(orgId)) {
            byName.put(repository.name(), repository.id().value());
          }
          return byName;
        });
  }

  @Bean
  MessageSearch messageSearch(Database database) {
    return new MessageSearch(database);
  }
}
