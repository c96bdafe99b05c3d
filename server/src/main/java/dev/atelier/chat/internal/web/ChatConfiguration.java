package dev.atelier.chat.internal.web;

import dev.atelier.chat.internal.Channels;
import dev.atelier.chat.internal.MessageSearch;
import dev.atelier.chat.internal.Messages;
import dev.atelier.identity.OrgDirectory;
import dev.atelier.platform.Database;
import java.time.Clock;
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
  Messages messages(Database database) {
    return new Messages(database, Clock.systemUTC());
  }

  @Bean
  MessageSearch messageSearch(Database database) {
    return new MessageSearch(database);
  }
}
