package dev.atelier.events.internal;

import dev.atelier.events.TopicAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two kinds of topic the events module owns: {@code org:ID}, read by the members of that org,
 * and {@code user:ID}, read by that user only (and only the events of the org they are signed in
 * to, as every subscription).
 */
@Configuration(proxyBeanMethods = false)
class OrgTopics {

  @Bean
  TopicAccess orgTopicAccess() {
    return new Owned("org", true);
  }

  @Bean
  TopicAccess userTopicAccess() {
    return new Owned("user", false);
  }

  private record Owned(String kind, boolean byOrg) implements TopicAccess {
    @Override
    public boolean mayRead(long orgId, long userId, String key) {
      return key.equals(Long.toString(byOrg ? orgId : userId));
    }
  }
}
