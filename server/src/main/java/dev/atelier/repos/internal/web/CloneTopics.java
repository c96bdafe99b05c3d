package dev.atelier.repos.internal.web;

import dev.atelier.events.TopicAccess;
import org.springframework.stereotype.Component;

/** {@code clone:ID} topics are readable by the org that started the clone. */
@Component
class CloneTopics implements TopicAccess {

  private final CloneJobs jobs;

  CloneTopics(CloneJobs jobs) {
    this.jobs = jobs;
  }

  @Override
  public String kind() {
    return "clone";
  }

  @Override
  public boolean mayRead(long orgId, long userId, String key) {
    return jobs.find(orgId, key).isPresent();
  }
}
