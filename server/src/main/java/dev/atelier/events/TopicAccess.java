package dev.atelier.events;

/**
 * Who may read a kind of topic, decided by the module that owns it (e.g. {@code repo:42} by the
 * repositories of the caller's org). A topic whose kind no module claims is readable by nobody.
 */
public interface TopicAccess {

  /** The kind before the colon, e.g. {@code repo}. */
  String kind();

  /** Whether a caller of {@code orgId} may read the topic {@code kind:key}. */
  boolean mayRead(long orgId, long userId, String key);
}
