package dev.atelier.events;

import dev.atelier.platform.AtelierException;
import java.util.regex.Pattern;

/** Topic names: {@code kind:key}, e.g. {@code repo:42}. */
public final class EventTopics {

  /** Most topics one subscription may name. */
  public static final int MAX_PER_SUBSCRIPTION = 32;

  private static final Pattern TOPIC =
      Pattern.compile("[a-z][a-z0-9-]{0,31}:[A-Za-z0-9._:-]{1,200}");

  private EventTopics() {}

  /** The topic of a repository's events: index progress, completion and failure. */
  public static String repository(long repositoryId) {
    return "repo:" + repositoryId;
  }

  /** The topic of one clone of a git URL: its progress, completion or failure. */
  public static String clone(String cloneId) {
    return "clone:" + cloneId;
  }

  /** The topic of an org's shared events: public channels created, presence. */
  public static String org(long orgId) {
    return "org:" + orgId;
  }

  /**
   * The topic of one user's own events in their current org (mentions, read markers, private
   * channels they were added to).
   */
  public static String user(long userId) {
    return "user:" + userId;
  }

  public static boolean isValid(String topic) {
    return TOPIC.matcher(topic).matches();
  }

  /** The topic, or {@link EventsError#INVALID_TOPIC} naming it. */
  public static String require(String topic) {
    if (!isValid(topic)) {
      String shown = topic.length() > 100 ? topic.substring(0, 100) + "…" : topic;
      throw new AtelierException(
          EventsError.INVALID_TOPIC,
          "invalid topic '"
              + shown.replaceAll("\\p{Cntrl}", "?")
              + "'; topics look like repo:42 (kind, a colon, a key)");
    }
    return topic;
  }
}
