package dev.atelier.repos.internal.web;

import dev.atelier.events.TopicAccess;
import dev.atelier.repos.ReposStorage;
import dev.atelier.repos.RepositoryId;
import org.springframework.stereotype.Component;

/** {@code repo:ID} topics are readable by the org the repository belongs to. */
@Component
class RepositoryTopics implements TopicAccess {

  private final ReposStorage repos;

  RepositoryTopics(ReposStorage repos) {
    this.repos = repos;
  }

  @Override
  public String kind() {
    return "repo";
  }

  @Override
  public boolean mayRead(long orgId, long userId, String key) {
    long id;
    try {
      id = Long.parseLong(key);
    } catch (NumberFormatException e) {
      return false;
    }
    return id > 0 && repos.repositories().find(orgId, new RepositoryId(id)).isPresent();
  }
}
