package dev.atelier.identity;

import dev.atelier.identity.internal.account.DatabaseOrgDirectory;
import dev.atelier.identity.internal.account.Orgs;
import dev.atelier.identity.internal.account.Projects;
import dev.atelier.identity.internal.account.Users;
import dev.atelier.platform.Database;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;

/**
 * What other modules may ask about an org's people and projects, without reading identity's tables:
 * whether someone is a member, whether a project exists, and people's display names.
 */
public interface OrgDirectory {

  boolean isMember(long orgId, long userId);

  boolean hasProject(long orgId, long projectId);

  /** Display names of users by id (deleted users read "Deleted user"; unknown ids are absent). */
  Map<Long, String> displayNames(Collection<Long> userIds);

  /** The directory over a database outside Spring (the plain-Java {@code atelier mcp}). */
  static OrgDirectory over(Database database) {
    Clock clock = Clock.systemUTC();
    return new DatabaseOrgDirectory(
        new Orgs(database, clock), new Projects(database, clock), new Users(database, clock));
  }
}
