package dev.atelier.chat.internal.web;

import dev.atelier.chat.ChatTools;
import dev.atelier.chat.internal.Channels;
import dev.atelier.chat.internal.MessageSearch;
import dev.atelier.chat.internal.Messages;
import dev.atelier.identity.OrgDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Offers {@link ChatTools} to other modules (the MCP server) under {@code serve}. */
@Configuration(proxyBeanMethods = false)
class ChatToolsConfiguration {

  @Bean
  ChatTools chatTools(
      Channels channels,
      Messages messages,
      MessageSearch search,
      OrgDirectory directory,
      ApplicationEventPublisher events) {
    return new ChatToolsService(channels, messages, search, directory, events::publishEvent);
  }
}
