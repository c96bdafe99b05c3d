package dev.atelier.identity;

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
}
