package dev.atelier.memory.internal.web;

import dev.atelier.memory.Learnings;
import dev.atelier.platform.Database;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the plain-Java learnings store as a bean for {@code serve}. */
@Configuration(proxyBeanMethods = false)
class MemoryConfiguration {

  @Bean
  Learnings learnings(Database database) {
    return new Learnings(database);
  }
}
