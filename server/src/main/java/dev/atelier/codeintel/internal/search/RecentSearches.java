package dev.atelier.codeintel.internal.search;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The ranked lists of the last few searches, so that the second and later pages of a search cost a
 * slice instead of a new scan. Bounded by entries and by lines held, oldest dropped first. A node
 * that misses (another node served the first page) recomputes the same list from the same manifest,
 * so paging stays exact without the cache.
 */
final class RecentSearches {

  record Key(long orgId, long manifestId, String query) {}

  private final int maxEntries;
  private final long maxLines;
  private final LinkedHashMap<Key, RankedMatches> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long lines;

  RecentSearches(int maxEntries, long maxLines) {
    this.maxEntries = maxEntries;
    this.maxLines = maxLines;
  }

  RankedMatches get(Key key, Supplier<RankedMatches> compute) {
    synchronized (this) {
      RankedMatches hit = entries.get(key);
      if (hit != null) {
        return hit;
      }
    }
    // Computed outside the lock: one slow search must not hold up the others.
    RankedMatches computed = compute.get();
    synchronized (this) {
      RankedMatches previous = entries.put(key, computed);
      lines += computed.lines().size() - (previous == null ? 0 : previous.lines().size());
      Iterator<Map.Entry<Key, RankedMatches>> oldest = entries.entrySet().iterator();
      while ((entries.size() > maxEntries || lines > maxLines) && oldest.hasNext()) {
        Map.Entry<Key, RankedMatches> entry = oldest.next();
        if (entry.getKey().equals(key)) {
          continue;
        }
        lines -= entry.getValue().lines().size();
        oldest.remove();
      }
    }
    return computed;
  }
}
