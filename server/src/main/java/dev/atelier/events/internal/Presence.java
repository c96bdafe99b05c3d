package dev.atelier.events.internal;

import static java.util.Objects.requireNonNull;

import dev.atelier.events.EventBus;
import dev.atelier.events.EventTopics;
import dev.atelier.platform.Redis;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is online: a user with at least one open event stream (SSE or WebSocket) on any node. Going
 * online or offline is a {@code presence} signal on {@code org:ID}; an offline waits a grace period
 * so a reconnect does not flicker. In service mode each node keeps its users in a Redis sorted set
 * per org ({@code USER:NODE} scored by the time it last confirmed them), so a user is online while
 * any node holds a stream, and a node that dies drops out when its entries go stale.
 */
public final class Presence implements AutoCloseable {

  static final String TYPE = "presence";
  static final Duration STALE = Duration.ofSeconds(60);
  static final Duration REFRESH = Duration.ofSeconds(20);

  private static final Logger log = LoggerFactory.getLogger(Presence.class);

  private record Key(long orgId, long userId) {}

  private final EventBus bus;
  private final @Nullable Redis redis;
  private final Duration grace;
  private final Clock clock;
  private final String node = UUID.randomUUID().toString();
  private final Map<Key, Integer> streams = new HashMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("presence").factory());

  public Presence(EventBus bus, @Nullable Redis redis, Duration grace, Clock clock) {
    this.bus = requireNonNull(bus, "bus is null");
    this.redis = redis;
    this.grace = requireNonNull(grace, "grace is null");
    this.clock = requireNonNull(clock, "clock is null");
    if (redis != null) {
      timer.scheduleWithFixedDelay(
          this::refresh, REFRESH.toMillis(), REFRESH.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** A stream of this user opened on this node; close the answer when it ends. */
  public AutoCloseable opened(long orgId, long userId) {
    Key key = new Key(orgId, userId);
    boolean first;
    synchronized (streams) {
      first = streams.merge(key, 1, Integer::sum) == 1;
    }
    if (first) {
      boolean wasOnline = onlineElsewhere(key);
      mark(key);
      if (!wasOnline) {
        announce(key, "online");
      }
    }
    return new AutoCloseable() {
      private boolean closed;

      @Override
      public synchronized void close() {
        if (!closed) {
          closed = true;
          closedOne(key);
        }
      }
    };
  }

  private void closedOne(Key key) {
    boolean last;
    synchronized (streams) {
      last = streams.merge(key, -1, Integer::sum) == 0;
      if (last) {
        streams.remove(key);
      }
    }
    if (last) {
      timer.schedule(() -> settle(key), grace.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  // After the grace period: still no stream here and none elsewhere means offline.
  private void settle(Key key) {
    synchronized (streams) {
      if (streams.containsKey(key)) {
        return;
      }
    }
    try {
      unmark(key);
      if (!onlineElsewhere(key)) {
        announce(key, "offline");
      }
    } catch (RuntimeException e) {
      log.warn("presence of user {} not settled: {}", key.userId(), e.toString());
    }
  }

  /** The users of an org online now, ascending. */
  public Set<Long> online(long orgId) {
    Set<Long> users = new TreeSet<>();
    synchronized (streams) {
      streams.keySet().stream()
          .filter(key -> key.orgId() == orgId)
          .forEach(key -> users.add(key.userId()));
    }
    if (redis != null) {
      double fresh = clock.millis() - STALE.toMillis();
      for (String member :
          redis.connection().sync().zrangebyscore(set(orgId), fresh, Double.MAX_VALUE)) {
        users.add(Long.parseLong(member.substring(0, member.indexOf(':'))));
      }
    }
    return users;
  }

  private boolean onlineElsewhere(Key key) {
    if (redis == null) {
      return false;
    }
    double fresh = clock.millis() - STALE.toMillis();
    String prefix = key.userId() + ":";
    String mine = prefix + node;
    return redis
        .connection()
        .sync()
        .zrangebyscore(set(key.orgId()), fresh, Double.MAX_VALUE)
        .stream()
        .anyMatch(member -> member.startsWith(prefix) && !member.equals(mine));
  }

  private void mark(Key key) {
    if (redis != null) {
      redis.connection().sync().zadd(set(key.orgId()), clock.millis(), key.userId() + ":" + node);
    }
  }

  private void unmark(Key key) {
    if (redis != null) {
      redis.connection().sync().zrem(set(key.orgId()), key.userId() + ":" + node);
    }
  }

  private void refresh() {
    try {
      List<Key> held;
      synchronized (streams) {
        held = List.copyOf(streams.keySet());
      }
      held.forEach(this::mark);
    } catch (RuntimeException e) {
      log.warn("presence refresh failed: {}", e.toString());
    }
  }

  private void announce(Key key, String status) {
    bus.signal(
        key.orgId(),
        EventTopics.org(key.orgId()),
        TYPE,
        Map.of("userId", key.userId(), "status", status));
  }

  private static String set(long orgId) {
    return "atelier:presence:" + orgId;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
