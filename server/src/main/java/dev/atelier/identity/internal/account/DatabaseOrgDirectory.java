package dev.atelier.identity.internal.account;

import dev.atelier.identity.OrgDirectory;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The org directory over identity's own stores. */
public final class DatabaseOrgDirectory implements OrgDirectory {

  private final Orgs orgs;
  private final Projects projects;
  private final Users users;

  public DatabaseOrgDirectory(Orgs orgs, Projects projects, Users users) {
    this.orgs = orgs;
    this.projects = projects;
    this.users = users;
  }

  @Override
  public boolean isMember(long orgId, long userId) {
    return orgs.role(orgId, userId).isPresent();
  }

  @Override
  public boolean hasProject(long orgId, long projectId) {
    return projects.find(orgId, projectId).isPresent();
  }

  @Override
  public Map<Long, String> displayNames(Collection<Long> userIds) {
    Map<Long, String> names = new HashMap<>();
    for (long id : userIds) {
      users.find(id).ifPresent(user -> names.put(id, user.displayName()));
    }
    return names;
  }
}
